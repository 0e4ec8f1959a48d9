package io.kaskad.message;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Phones as people write them (the portal, task files) and as client systems send them (the API). */
class AddressesTests {

    @Test
    void aRussianNumberWrittenWithTheTrunkPrefixBecomesInternational() {
        assertThat(Addresses.normalizeWrittenPhone("8 (916) 123-45-03")).isEqualTo("79161234503");
        assertThat(Addresses.normalizeWrittenPhone("+7 (916) 123-45-03")).isEqualTo("+79161234503");
        assertThat(Addresses.normalizeWrittenPhone("79161234503")).isEqualTo("79161234503");
    }

    @Test
    void onlyElevenDigitsStartingWithEightAreANationalNumber() {
        assertThat(Addresses.normalizeWrittenPhone("+89161234503")).isEqualTo("+89161234503");
        assertThat(Addresses.normalizeWrittenPhone("8916123450")).isEqualTo("8916123450");
        assertThat(Addresses.normalizeWrittenPhone("810491234567890")).isEqualTo("810491234567890");
    }

    @Test
    void theApiTakesInternationalNumbersAsGiven() {
        assertThat(Addresses.normalizePhone("81312345678")).isEqualTo("81312345678");
    }
}
