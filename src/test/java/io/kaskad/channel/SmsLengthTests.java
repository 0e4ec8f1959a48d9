package io.kaskad.channel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SmsLengthTests {

    @Test
    void latinFitsGsm7With160And153() {
        assertThat(SmsLength.of("a".repeat(160))).isEqualTo(new SmsLength(SmsLength.Encoding.GSM7, 160, 1));
        assertThat(SmsLength.of("a".repeat(161))).isEqualTo(new SmsLength(SmsLength.Encoding.GSM7, 161, 2));
        assertThat(SmsLength.of("a".repeat(306)).segments()).isEqualTo(2);
        assertThat(SmsLength.of("a".repeat(307)).segments()).isEqualTo(3);
    }

    @Test
    void extensionCharactersCountTwice() {
        assertThat(SmsLength.of("{}").length()).isEqualTo(4);
        assertThat(SmsLength.of("€".repeat(80)).segments()).isEqualTo(1);
        assertThat(SmsLength.of("€".repeat(81)).segments()).isEqualTo(2);
    }

    @Test
    void cyrillicSwitchesToUcs2With70And67() {
        assertThat(SmsLength.of("Привет")).isEqualTo(new SmsLength(SmsLength.Encoding.UCS2, 6, 1));
        assertThat(SmsLength.of("я".repeat(70)).segments()).isEqualTo(1);
        assertThat(SmsLength.of("я".repeat(71)).segments()).isEqualTo(2);
        assertThat(SmsLength.of("я".repeat(134)).segments()).isEqualTo(2);
        assertThat(SmsLength.of("я".repeat(135)).segments()).isEqualTo(3);
        assertThat(SmsLength.of("Code 1234 ok").encoding()).isEqualTo(SmsLength.Encoding.GSM7);
    }
}
