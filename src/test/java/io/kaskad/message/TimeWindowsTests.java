package io.kaskad.message;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeWindowsTests {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private final TimeWindows daytime = TimeWindows.parse("09:00:00-21:00:00");

    @Test
    void insideAWindowNowIsFine() {
        Instant noon = moscow(2026, 11, 21, 12, 0);
        assertThat(daytime.nextOpen(noon, MOSCOW)).isEqualTo(noon);
    }

    @Test
    void outsideAWindowTheAttemptWaitsForTheNextOne() {
        assertThat(daytime.nextOpen(moscow(2026, 11, 21, 22, 50), MOSCOW)).isEqualTo(moscow(2026, 11, 22, 9, 0));
        assertThat(daytime.nextOpen(moscow(2026, 11, 21, 3, 0), MOSCOW)).isEqualTo(moscow(2026, 11, 21, 9, 0));
    }

    @Test
    void theWindowIsReadInTheGivenTimeZone() {
        Instant nineInVladivostok = ZonedDateTime.of(2026, 11, 21, 9, 0, 0, 0, ZoneId.of("Asia/Vladivostok")).toInstant();
        assertThat(daytime.nextOpen(moscow(2026, 11, 21, 1, 0), ZoneId.of("Asia/Vladivostok"))).isEqualTo(nineInVladivostok);
    }

    @Test
    void validityDoesNotRunOutsideTheWindow() {
        // A WhatsApp sent at 20:50 with 60 minutes of validity: 10 minutes today, 50 tomorrow from 09:00.
        Instant expires = daytime.addOpenTime(moscow(2026, 11, 21, 20, 50), Duration.ofMinutes(60), MOSCOW);
        assertThat(expires).isEqualTo(moscow(2026, 11, 22, 9, 50));
    }

    @Test
    void windowsMayCrossMidnight() {
        TimeWindows night = TimeWindows.parse("22:00:00-06:00:00");
        assertThat(night.nextOpen(moscow(2026, 11, 21, 23, 0), MOSCOW)).isEqualTo(moscow(2026, 11, 21, 23, 0));
        assertThat(night.nextOpen(moscow(2026, 11, 22, 5, 0), MOSCOW)).isEqualTo(moscow(2026, 11, 22, 5, 0));
        assertThat(night.nextOpen(moscow(2026, 11, 22, 12, 0), MOSCOW)).isEqualTo(moscow(2026, 11, 22, 22, 0));
        assertThat(night.addOpenTime(moscow(2026, 11, 22, 5, 30), Duration.ofMinutes(60), MOSCOW))
            .isEqualTo(moscow(2026, 11, 22, 22, 30));
    }

    @Test
    void withoutWindowsAnyTimeIsOpen() {
        Instant at = moscow(2026, 11, 21, 3, 0);
        assertThat(TimeWindows.ALWAYS.nextOpen(at, MOSCOW)).isEqualTo(at);
        assertThat(TimeWindows.ALWAYS.addOpenTime(at, Duration.ofMinutes(5), MOSCOW)).isEqualTo(at.plusSeconds(300));
    }

    @Test
    void badWindowsAreNamed() {
        assertThatThrownBy(() -> TimeWindows.window("9am", "21:00:00")).hasMessageContaining("HH:MM:SS");
        assertThatThrownBy(() -> TimeWindows.window("10:00:00", "10:00:00")).hasMessageContaining("same time");
    }

    private static Instant moscow(int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, MOSCOW).toInstant();
    }
}
