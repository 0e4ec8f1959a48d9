package io.kaskad.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ValidTimeZoneValidatorTests {

    private final ValidTimeZoneValidator validator = new ValidTimeZoneValidator();

    @Test
    void acceptsIanaZonesAndLeavesBlankToNotBlank() {
        assertThat(validator.isValid("Europe/Moscow", null)).isTrue();
        assertThat(validator.isValid("Asia/Vladivostok", null)).isTrue();
        assertThat(validator.isValid(null, null)).isTrue();
        assertThat(validator.isValid("", null)).isTrue();
    }

    @Test
    void rejectsUnknownZonesAndOffsets() {
        assertThat(validator.isValid("Mars/Olympus", null)).isFalse();
        assertThat(validator.isValid("+03:00", null)).isFalse();
        assertThat(validator.isValid("europe/moscow", null)).isFalse();
    }
}
