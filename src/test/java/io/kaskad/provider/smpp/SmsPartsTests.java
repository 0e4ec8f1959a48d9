package io.kaskad.provider.smpp;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How a text becomes the bytes of one or more submit_sm. */
class SmsPartsTests {

    @Test
    void gsm7TextIsOneSeptetPerByteInTheGsmTable() {
        SmsParts sms = SmsParts.of("@Hello £1 {x}");
        assertThat(sms.ucs2()).isFalse();
        assertThat(sms.parts()).hasSize(1);
        // '@' is 0x00, '£' 0x01, '{' and '}' are escaped 0x1B 0x28 / 0x1B 0x29
        assertThat(sms.parts().get(0)).startsWith(0x00, 'H', 'e', 'l', 'l', 'o', ' ', 0x01, '1', ' ', 0x1B, 0x28, 'x', 0x1B, 0x29);
    }

    @Test
    void oneHundredSixtyGsmCharactersStayOneMessageAndOneMoreMakesTwoParts() {
        assertThat(SmsParts.of("a".repeat(160)).parts()).hasSize(1);
        SmsParts split = SmsParts.of("a".repeat(161));
        assertThat(split.parts()).hasSize(2);
        assertThat(split.parts().get(0)).hasSize(6 + 153);
        assertThat(split.parts().get(1)).hasSize(6 + 8);
    }

    @Test
    void anEscapedCharacterIsNeverCutInTwo() {
        SmsParts split = SmsParts.of("a".repeat(152) + "€" + "b".repeat(10));
        byte[] first = split.parts().get(0);
        assertThat(first).hasSize(6 + 152); // the two bytes of € would not fit: they open the second part
        assertThat(Arrays.copyOfRange(split.parts().get(1), 6, 8)).containsExactly(0x1B, 0x65);
    }

    @Test
    void cyrillicIsUcs2SeventyToAMessageSixtySevenToAPart() {
        assertThat(SmsParts.of("Я".repeat(70)).parts()).hasSize(1);
        SmsParts split = SmsParts.of("Я".repeat(71));
        assertThat(split.ucs2()).isTrue();
        assertThat(split.parts()).hasSize(2);
        assertThat(new String(Arrays.copyOfRange(split.parts().get(0), 6, split.parts().get(0).length), StandardCharsets.UTF_16BE))
            .isEqualTo("Я".repeat(67));
    }

    @Test
    void anEmojiIsNeverCutBetweenItsSurrogates() {
        SmsParts split = SmsParts.of("Я".repeat(66) + "😀" + "ЯЯЯ"); // 71 UTF-16 units: two parts; 66 + 2 would pass 67
        String first = new String(Arrays.copyOfRange(split.parts().get(0), 6, split.parts().get(0).length), StandardCharsets.UTF_16BE);
        assertThat(first).isEqualTo("Я".repeat(66));
        String second = new String(Arrays.copyOfRange(split.parts().get(1), 6, split.parts().get(1).length), StandardCharsets.UTF_16BE);
        assertThat(second).isEqualTo("😀ЯЯЯ");
    }
}
