package io.kaskad.task;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file in UTF-8 (with or without a byte-order mark), separated by commas or semicolons: the
 * header line decides which (Excel in a Russian locale saves with semicolons). Quoted fields may hold
 * separators, doubled quotes and line breaks, as RFC 4180 has it. A byte sequence that is not UTF-8
 * fails the read rather than turning into question marks.
 */
final class CsvRowReader implements RowReader {

    private final BufferedReader in;
    private final FileLimits limits;
    private char separator;
    private int rowNumber;

    CsvRowReader(InputStream input, FileLimits limits) {
        this.limits = limits;
        this.in = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)), 64 * 1024);
    }

    @Override
    public FileRow next() throws IOException {
        if (rowNumber == 0) {
            skipByteOrderMark();
            separator = guessSeparator();
        }
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int c;
        while ((c = in.read()) != -1) {
            any = true;
            if (cell.length() >= limits.maxCellLength()) {
                // a cell without end (a file that is one long line) must not grow until memory runs out
                throw new FileLimitExceededException("task.file.limit.cell-at", rowNumber + 1, limits.maxCellLength());
            }
            if (quoted) {
                if (c == '"') {
                    in.mark(1);
                    if (in.read() == '"') {
                        cell.append('"');
                    }
                    else {
                        in.reset();
                        quoted = false;
                    }
                }
                else {
                    cell.append((char) c);
                }
            }
            else if (c == '"' && cell.isEmpty()) {
                quoted = true;
            }
            else if (c == separator) {
                if (cells.size() >= limits.maxColumns()) {
                    throw new FileLimitExceededException("task.file.limit.columns", rowNumber + 1, limits.maxColumns());
                }
                cells.add(cell.toString().trim());
                cell.setLength(0);
            }
            else if (c == '\n' || c == '\r') {
                if (c == '\r') {
                    in.mark(1);
                    if (in.read() != '\n') {
                        in.reset();
                    }
                }
                break;
            }
            else {
                cell.append((char) c);
            }
        }
        if (!any) {
            return null;
        }
        cells.add(cell.toString().trim());
        return new FileRow(++rowNumber, cells);
    }

    private void skipByteOrderMark() throws IOException {
        in.mark(1);
        if (in.read() != '\uFEFF') {
            in.reset();
        }
    }

    /**
     * Semicolon when the header line has more of them than commas. Only the line's first 64 KB are
     * looked at: the reader can go back no further (a header that long is refused as a too-long cell or
     * too many columns when it is read).
     */
    private char guessSeparator() throws IOException {
        int lookAhead = 64 * 1024 - 1;
        in.mark(lookAhead);
        int commas = 0;
        int semicolons = 0;
        int c;
        int seen = 0;
        while (seen++ < lookAhead && (c = in.read()) != -1 && c != '\n' && c != '\r') {
            if (c == ',') {
                commas++;
            }
            else if (c == ';') {
                semicolons++;
            }
        }
        in.reset();
        return semicolons > commas ? ';' : ',';
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
