package io.kaskad.stats;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * A period of the statistics, in a company's time zone: whole days ({@code today}, the last 7 or 30 days, or
 * chosen days), or the last 24 hours. Shown by hour when it is a day or less, by day otherwise.
 *
 * @param key today, 7d, 30d, custom or 24h
 */
public record Period(String key, Instant from, Instant to, ZoneId zone, boolean hourly) {

    /** The longest period of chosen days: a quarter. */
    public static final int MAX_DAYS = 92;

    public static Period days(String key, LocalDate first, LocalDate last, ZoneId zone) {
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("the period ends before it begins");
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw new IllegalArgumentException("a period is at most " + MAX_DAYS + " days");
        }
        return new Period(key, first.atStartOfDay(zone).toInstant(), last.plusDays(1).atStartOfDay(zone).toInstant(), zone,
                first.equals(last));
    }

    /** The 24 hours up to the end of the current hour. */
    public static Period last24Hours(Instant now, ZoneId zone) {
        Instant end = now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        return new Period("24h", end.minus(Duration.ofHours(24)), end, zone, true);
    }

    public LocalDate firstDay() {
        return from.atZone(zone).toLocalDate();
    }

    /** The period's last day (its end is the start of the next). */
    public LocalDate lastDay() {
        return to.minusNanos(1).atZone(zone).toLocalDate();
    }
}
