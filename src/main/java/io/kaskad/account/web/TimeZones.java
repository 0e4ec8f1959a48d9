package io.kaskad.account.web;

import java.time.ZoneId;
import java.util.List;

/**
 * The time zones offered in the portal's selects: exactly those {@code @ValidTimeZone} accepts, so a
 * zone set over the API is always in the list and saving the form never changes it silently.
 */
final class TimeZones {

    static final List<String> ALL = ZoneId.getAvailableZoneIds().stream().sorted().toList();

    private TimeZones() {
    }
}
