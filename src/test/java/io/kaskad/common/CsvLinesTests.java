package io.kaskad.common;

import java.io.IOException;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvLinesTests {

    @Test
    void aCellThatWouldStartAFormulaStartsWithAnApostrophe() throws IOException {
        StringWriter out = new StringWriter();
        CsvLines.write(out, "=1+1", "+79001234567", "-2", "@SUM(A1)", "\tx", "\rx", "a=b", "", null);
        assertThat(out).hasToString("'=1+1;'+79001234567;'-2;'@SUM(A1);'\tx;\"'\rx\";a=b;;\r\n");
    }

    @Test
    void aCellWithASeparatorAQuoteOrALineBreakIsQuoted() throws IOException {
        StringWriter out = new StringWriter();
        CsvLines.write(out, "a;b", "say \"hi\"", "two\nlines");
        assertThat(out).hasToString("\"a;b\";\"say \"\"hi\"\"\";\"two\nlines\"\r\n");
    }
}
