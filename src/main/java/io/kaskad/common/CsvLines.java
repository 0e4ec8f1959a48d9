package io.kaskad.common;

import java.io.IOException;
import java.io.Writer;

/**
 * One line of the CSV files Kaskad exports (semicolons, CRLF, as Excel opens them in a Russian locale), each
 * cell made safe for a spreadsheet. A cell that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a CR
 * would be read as a formula ({@code =HYPERLINK(…)} in a recipient id or a variable would run in the operator's
 * spreadsheet), so it is prefixed with an apostrophe, OWASP's rule for CSV injection; a cell holding a separator,
 * a quote or a line break is quoted.
 */
public final class CsvLines {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private CsvLines() {
    }

    public static void write(Writer out, String... cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.write(';');
            }
            out.write(cell(cells[i]));
        }
        out.write("\r\n");
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (text.indexOf(';') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
