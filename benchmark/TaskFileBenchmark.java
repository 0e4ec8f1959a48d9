import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The send-task file benchmark, run by {@code benchmark/run.sh <db> task-file} against an instance
 * started at -Xmx512m. Not a test: it writes a ROWS-row SMS task file as XLSX (phones as numbers, as
 * Excel stores them; every 1,000th row has a bad phone so the report is exercised), uploads it to
 * POST /api/v1/tasks and prints how long validating and creating the task took, and the summary.
 */
public class TaskFileBenchmark {

    static final int ROWS = Integer.parseInt(System.getenv().getOrDefault("ROWS", "1000000"));

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String key = args[1];
        Path work = Path.of(args[2]);
        String mode = args.length > 3 ? args[3] : "?";

        Path file = work.resolve("task-" + ROWS + ".xlsx");
        long writing = System.nanoTime();
        write(file);
        System.out.printf("== file: %,d rows, %.1f MB, written in %.1f s%n", ROWS, Files.size(file) / 1e6,
                (System.nanoTime() - writing) / 1e9);

        String boundary = "kaskad" + UUID.randomUUID();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nBenchmark " + ROWS + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\nSMS\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"task.xlsx\"\r\n"
                + "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/tasks"))
            .header("Authorization", "Bearer " + key)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .timeout(Duration.ofMinutes(10))
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body(head, file, tail)))
            .build();
        long started = System.nanoTime();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - started) / 1e9;
        String answer = response.body();
        System.out.println("== upload answered " + response.statusCode());
        System.out.println();
        System.out.println("| database | rows | valid | invalid | validated and created in | rows/s |");
        System.out.println("|---|---|---|---|---|---|");
        System.out.printf("| %s | %,d | %s | %s | %.1f s | %,.0f |%n", mode, ROWS, field(answer, "validRows"), field(answer, "invalidRows"),
                seconds, ROWS / seconds);
        if (response.statusCode() != 201) {
            System.out.println(answer);
            System.exit(1);
        }
    }

    private static InputStream body(String head, Path file, String tail) {
        try {
            return new SequenceInputStream(java.util.Collections.enumeration(List.of(
                    new java.io.ByteArrayInputStream(head.getBytes(StandardCharsets.UTF_8)), Files.newInputStream(file),
                    new java.io.ByteArrayInputStream(tail.getBytes(StandardCharsets.UTF_8)))));
        }
        catch (IOException failed) {
            throw new java.io.UncheckedIOException(failed);
        }
    }

    private static void write(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook workbook = new Workbook(out, "benchmark", "1.0");
            Worksheet sheet = workbook.newWorksheet("Задание");
            sheet.value(0, 0, "Телефон");
            sheet.value(0, 1, "Текст сообщения");
            sheet.value(0, 2, "Использовать короткие ссылки");
            for (int i = 1; i <= ROWS; i++) {
                if (i % 1000 == 0) {
                    sheet.value(i, 0, "12345");
                }
                else {
                    sheet.value(i, 0, 79000000000L + i);
                }
                sheet.value(i, 1, "Здравствуйте! Ваш заказ готов к выдаче, код " + (i % 10_000));
                sheet.value(i, 2, false);
                if (i % 50_000 == 0) {
                    sheet.flush();
                }
            }
            workbook.finish();
        }
    }

    private static String field(String json, String name) {
        int at = json.indexOf("\"" + name + "\":");
        if (at < 0) {
            return "?";
        }
        int start = at + name.length() + 3;
        int end = start;
        while (end < json.length() && Character.isDigit(json.charAt(end))) {
            end++;
        }
        return json.substring(start, end);
    }
}
