package io.kaskad.task;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.kaskad.support.HostileFiles;
import io.kaskad.support.TaskFilesForTests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each bound of {@link FileLimits}, met by a file just beyond it, and a file within them read whole. */
class FileLimitsTests {

    private static final FileLimits SMALL = new FileLimits(1 << 20, 64 << 10, 100, 50, 5, 10);

    @TempDir
    Path dir;

    @Test
    void aFileWithinTheLimitsIsReadWhole() throws IOException {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("phone", "text"));
        for (int i = 0; i < 40; i++) {
            rows.add(List.of("7916000" + String.format("%04d", i), "Текст " + i));
        }
        assertThat(readAll(write("ok.xlsx", TaskFilesForTests.xlsx(rows)), FileFormat.XLSX)).hasSize(41);
        assertThat(readAll(write("ok.csv", TaskFilesForTests.csv(';', rows)), FileFormat.CSV)).hasSize(41);
    }

    @Test
    void aSheetThatExpandsBeyondItsLimitIsRefusedBeforeItIsRead() throws IOException {
        Path bomb = write("bomb.xlsx", HostileFiles.bombCell(2));
        FileLimits longCells = new FileLimits(1 << 20, 64 << 10, 10_000_000, 50, 5, 10);
        assertThatThrownBy(() -> RowReader.open(bomb, FileFormat.XLSX, longCells)).isInstanceOfSatisfying(FileLimitExceededException.class,
                refused -> assertThat(refused.messageKey()).isEqualTo("task.file.limit.sheet"));
        FileLimits bigSheets = new FileLimits(1L << 30, 64 << 10, 100, 50, 5, 10);
        assertThatThrownBy(() -> RowReader.open(bomb, FileFormat.XLSX, bigSheets)).isInstanceOfSatisfying(FileLimitExceededException.class,
                refused -> assertThat(refused.messageKey()).isEqualTo("task.file.limit.cell"));
    }

    @Test
    void rowsEmptyRowsColumnsAndCellsHaveTheirBounds() throws IOException {
        assertThatThrownBy(() -> readAll(write("empty.xlsx", HostileFiles.emptyRows(100)), FileFormat.XLSX))
            .isInstanceOfSatisfying(FileLimitExceededException.class,
                    refused -> assertThat(refused.messageKey()).isEqualTo("task.file.limit.empty-rows"));
        StringBuilder many = new StringBuilder("phone,text\n");
        for (int i = 0; i < 60; i++) {
            many.append("7916000000").append(i % 10).append(",x\n");
        }
        assertThatRefused(many.toString(), "task.file.limit.rows");
        assertThatRefused("phone,text" + ",x".repeat(20) + "\n", "task.file.limit.columns");
        assertThatRefused("phone,text\n79160000001," + "я".repeat(101) + "\n", "task.file.limit.cell-at");
        assertThatRefused("phone,text\n79160000001,\"" + "long quoted ".repeat(100_000), "task.file.limit.cell-at");
    }

    @Test
    void aHeaderLongerThanTheSeparatorLookAheadIsReadNotMisread() throws IOException {
        FileLimits wide = new FileLimits(1 << 20, 64 << 10, 100_000, 50, 5, 10);
        String header = "phone;" + "x".repeat(70_000) + "\n79160000001;a\n";
        try (RowReader reader = new CsvRowReader(new ByteArrayInputStream(header.getBytes(StandardCharsets.UTF_8)), wide)) {
            assertThat(reader.next().cells()).hasSize(2);
            assertThat(reader.next().cells()).containsExactly("79160000001", "a");
        }
    }

    private void assertThatRefused(String csv, String key) throws IOException {
        Path file = write("f.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> readAll(file, FileFormat.CSV)).isInstanceOfSatisfying(FileLimitExceededException.class,
                refused -> assertThat(refused.messageKey()).isEqualTo(key));
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private static List<FileRow> readAll(Path file, FileFormat format) throws IOException {
        List<FileRow> rows = new ArrayList<>();
        try (RowReader reader = RowReader.open(file, format, SMALL)) {
            FileRow row;
            while ((row = reader.next()) != null) {
                rows.add(row);
            }
        }
        return rows;
    }
}
