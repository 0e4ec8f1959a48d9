package io.kaskad.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/** Task files as a client builds them: XLSX (cells that look like numbers are numbers, as Excel makes them) and CSV. */
public final class TaskFilesForTests {

    private TaskFilesForTests() {
    }

    public static byte[] xlsx(List<List<String>> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "test", "1.0");
        Worksheet sheet = workbook.newWorksheet("Лист1");
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                String value = rows.get(r).get(c);
                if (value.matches("\\d{1,15}")) {
                    sheet.value(r, c, Long.parseLong(value));
                }
                else if (value.equals("TRUE") || value.equals("FALSE")) {
                    sheet.value(r, c, Boolean.parseBoolean(value));
                }
                else {
                    sheet.value(r, c, value);
                }
            }
        }
        workbook.finish();
        return out.toByteArray();
    }

    /** CSV in UTF-8 with a byte-order mark; cells with the separator or quotes are quoted. */
    public static byte[] csv(char separator, List<List<String>> rows) {
        String text = rows.stream()
            .map(row -> row.stream().map(cell -> quote(cell, separator)).collect(Collectors.joining(String.valueOf(separator))))
            .collect(Collectors.joining("\r\n", "\uFEFF", "\r\n"));
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String quote(String cell, char separator) {
        return cell.indexOf(separator) >= 0 || cell.indexOf('"') >= 0 ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }

    /** The first sheet's rows as text. */
    public static List<List<String>> read(byte[] xlsx) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row row : workbook.getFirstSheet().read()) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getCellCount(); c++) {
                    cells.add(row.getCellText(c));
                }
                rows.add(cells);
            }
        }
        return rows;
    }
}
