package io.kaskad.message;

import java.time.Duration;

/**
 * A delivery report can arrive before its attempt's answer is stored (the provider is quicker than our
 * transaction); it is parked and tried again. Each parked report has its own next try, sooner at first
 * (the answer is usually stored within a second) and then less often: a report that can never match
 * (its attempt was lost with a node) goes to the back on each try and never holds up another. After
 * {@link #KEEP} it is dropped.
 */
final class ParkedReports {

    static final Duration KEEP = Duration.ofHours(1);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(500);
    private static final Duration LONGEST_PAUSE = Duration.ofMinutes(2);

    private ParkedReports() {
    }

    /** The pause before try {@code tries + 1}: 0.5 s, 1 s, 2 s … at most 2 minutes. */
    static Duration pauseAfter(int tries) {
        Duration pause = FIRST_PAUSE.multipliedBy(1L << Math.min(Math.max(tries - 1, 0), 16));
        return pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause;
    }
}
