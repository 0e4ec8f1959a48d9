package io.kaskad.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogSafeTests {

    @Test
    void aValueCannotEndItsLogLineNorCarryAControlCharacter() {
        assertThat(LogSafe.of("admin\r\n2026-12-07 INFO Login succeeded for 'admin'")).isEqualTo("admin\\r\\n2026-12-07 INFO Login succeeded for 'admin'");
        assertThat(LogSafe.of("a\u0000b\u001b[31mc\u2028d\te")).isEqualTo("a\\u0000b\\u001b[31mc\\u2028d\\te");
        assertThat(LogSafe.of("Иван Петров")).isEqualTo("Иван Петров");
        assertThat(LogSafe.of(null)).isEqualTo("null");
    }

    @Test
    void aHugeValueIsCut() {
        assertThat(LogSafe.of("x".repeat(10_000))).hasSize(LogSafe.MAX + 1).endsWith("…");
    }
}
