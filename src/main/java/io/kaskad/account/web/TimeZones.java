package io.kaskad.account.web;

import java.time.ZoneId;
import java.util.List;

/** The time zones offered in the portal's selects, sorted, computed once. */
final class TimeZones {

    static final List<String> ALL = ZoneId.getAvailableZoneIds().stream()
        .filter(zone -> zone.contains("/") && !zone.startsWith("Etc/") && !zone.startsWith("SystemV/"))
        .sorted()
        .toList();

    private TimeZones() {
    }
}
