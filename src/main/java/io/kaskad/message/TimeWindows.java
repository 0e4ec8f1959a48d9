package io.kaskad.message;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The hours of the day in which a message may be sent ({@code allowedTimeRanges}), in the company's
 * or the destination's time zone. A window may cross midnight ({@code 22:00:00-06:00:00}). Outside
 * the windows an attempt waits for the next window, and its validity period does not run, so a
 * WhatsApp sent at 22:50 does not fall back to SMS at 03:00.
 */
public record TimeWindows(List<Window> windows) {

    public static final TimeWindows ALWAYS = new TimeWindows(List.of());

    /** One window, {@code from} inclusive, {@code to} exclusive; {@code to} before {@code from} wraps midnight. */
    public record Window(LocalTime from, LocalTime to) {

        @Override
        public String toString() {
            return from + "-" + to;
        }
    }

    /** Parses {@code "09:00:00-21:00:00,22:00:00-23:00:00"}, as stored; null or blank means always. */
    static TimeWindows parse(String stored) {
        if (stored == null || stored.isBlank()) {
            return ALWAYS;
        }
        List<Window> windows = new ArrayList<>();
        for (String part : stored.split(",")) {
            String[] bounds = part.trim().split("-");
            windows.add(window(bounds[0], bounds[1]));
        }
        return new TimeWindows(windows);
    }

    /** A window from the API's {@code H:i:s} bounds; throws {@link IllegalArgumentException} naming what is wrong. */
    public static Window window(String from, String to) {
        try {
            LocalTime start = LocalTime.parse(from.trim());
            LocalTime end = LocalTime.parse(to.trim());
            if (start.equals(end)) {
                throw new IllegalArgumentException("a window must not start and end at the same time (" + from + ")");
            }
            return new Window(start, end);
        }
        catch (DateTimeParseException e) {
            throw new IllegalArgumentException("times must be HH:MM:SS, got '" + from + "'-'" + to + "'");
        }
    }

    String stored() {
        return windows.isEmpty() ? null : String.join(",", windows.stream().map(Window::toString).toList());
    }

    boolean isAlways() {
        return windows.isEmpty();
    }

    /** {@code at} itself when inside a window, else the start of the next window. */
    Instant nextOpen(Instant at, ZoneId zone) {
        if (isAlways()) {
            return at;
        }
        for (Interval interval : intervalsFrom(at, zone)) {
            if (interval.end().isAfter(at)) {
                return interval.start().isAfter(at) ? interval.start() : at;
            }
        }
        throw new IllegalStateException("no open window found");
    }

    /** The instant when {@code duration} of open time has passed since {@code start}. */
    Instant addOpenTime(Instant start, Duration duration, ZoneId zone) {
        if (isAlways()) {
            return start.plus(duration);
        }
        Duration left = duration;
        for (Interval interval : intervalsFrom(start, zone)) {
            Instant from = interval.start().isAfter(start) ? interval.start() : start;
            if (!interval.end().isAfter(from)) {
                continue;
            }
            Duration open = Duration.between(from, interval.end());
            if (open.compareTo(left) >= 0) {
                return from.plus(left);
            }
            left = left.minus(open);
        }
        throw new IllegalStateException("validity does not fit in a year of windows");
    }

    private record Interval(Instant start, Instant end) {
    }

    /** The open intervals from the day before {@code at} on, for a year, in time order. */
    private List<Interval> intervalsFrom(Instant at, ZoneId zone) {
        List<Interval> intervals = new ArrayList<>();
        LocalDate day = at.atZone(zone).toLocalDate().minusDays(1);
        for (int i = 0; i < 370; i++, day = day.plusDays(1)) {
            for (Window window : windows) {
                Instant start = day.atTime(window.from()).atZone(zone).toInstant();
                LocalDate endDay = window.to().isAfter(window.from()) ? day : day.plusDays(1);
                Instant end = endDay.atTime(window.to()).atZone(zone).toInstant();
                intervals.add(new Interval(start, end));
            }
        }
        intervals.sort(Comparator.comparing(Interval::start));
        return intervals;
    }
}
