package io.kaskad.task;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * The first sheet of an XLSX file, streamed: the sheet's XML is read as it goes, so a million rows
 * take no more memory than one. Numbers come back as Excel shows them in a plain cell (a phone typed
 * as a number is {@code 79001234567}, not {@code 7.9E10}); booleans as {@code true}/{@code false}.
 */
final class XlsxRowReader implements RowReader {

    private final ReadableWorkbook workbook;
    private final Stream<Row> stream;
    private final Iterator<Row> rows;

    XlsxRowReader(Path file) throws IOException {
        try {
            this.workbook = new ReadableWorkbook(file.toFile());
            this.stream = workbook.getFirstSheet().openStream();
            this.rows = stream.iterator();
        }
        catch (ExcelReaderException | IllegalStateException broken) {
            throw new IOException("not a readable XLSX file", broken);
        }
    }

    @Override
    public FileRow next() throws IOException {
        try {
            if (!rows.hasNext()) {
                return null;
            }
            Row row = rows.next();
            List<String> cells = new ArrayList<>(row.getCellCount());
            for (int i = 0; i < row.getCellCount(); i++) {
                cells.add(text(row.getCell(i)));
            }
            return new FileRow(row.getRowNum(), cells);
        }
        catch (ExcelReaderException | IllegalStateException | java.io.UncheckedIOException broken) {
            throw new IOException("the XLSX file breaks off: " + broken.getMessage(), broken);
        }
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        return switch (cell.getType()) {
            case NUMBER -> plain(cell.getRawValue());
            case BOOLEAN -> Boolean.TRUE.equals(cell.asBoolean()) ? "true" : "false";
            case EMPTY -> "";
            default -> cell.getText() == null ? "" : cell.getText().trim();
        };
    }

    private static String plain(String raw) {
        try {
            return new BigDecimal(raw).stripTrailingZeros().toPlainString();
        }
        catch (NumberFormatException | NullPointerException notANumber) {
            return raw == null ? "" : raw;
        }
    }

    @Override
    public void close() throws IOException {
        stream.close();
        workbook.close();
    }
}
