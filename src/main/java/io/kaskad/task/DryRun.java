package io.kaskad.task;

import java.time.Instant;
import java.util.List;

/**
 * What starting the task now would do: how many messages, over which channels, at the company's
 * rate limit (were the task alone in using it), when the last would go, and the rows the period
 * cannot hold (in file order, the last ones: {@code firstRowNotFitting}…{@code lastRowNotFitting}).
 */
public record DryRun(int messages, List<String> channels, int ratePerSecond, Instant startsAt, Instant estimatedFinish, Instant periodTo,
        int rowsNotFitting, Integer firstRowNotFitting, Integer lastRowNotFitting) {

    public boolean fits() {
        return rowsNotFitting == 0;
    }
}
