package io.kaskad.dispatch;

import java.util.function.IntConsumer;
import java.util.function.IntSupplier;

import org.quartz.JobExecutionContext;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.quartz.QuartzJobBean;

import io.kaskad.common.Drain;
import io.kaskad.message.Dispatcher;

/**
 * Sends due attempts; several firings may run at once on any nodes (a few per node), each claiming its own rows.
 *
 * <p>A firing that finds a backlog (its first batch full) starts as many more firings as this node has room for at
 * once, and one that ends for its {@code max-run} while batches still come full starts its own successor: waiting for
 * the regular firings, every {@code interval}, a burst due at one second was dispatched by one firing for its first
 * half second and by two for the next (7,000-7,500 of 50,000 messages in its first second, 13,000-15,600 in each
 * second after), and by one fewer for up to an interval whenever a firing ended.
 */
class DispatchJob extends QuartzJobBean {

    private static final Logger log = LoggerFactory.getLogger(DispatchJob.class);

    private final Dispatcher dispatcher;
    private final DispatchProperties properties;
    private final DispatchRuns runs;

    DispatchJob(Dispatcher dispatcher, DispatchProperties properties, DispatchRuns runs) {
        this.dispatcher = dispatcher;
        this.properties = properties;
        this.runs = runs;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        fire(firings -> fireNow(context, firings));
    }

    /** One firing; {@code moreFirings} starts that many more at once (in a cluster, on whichever nodes take them). */
    void fire(IntConsumer moreFirings) {
        boolean[] backlogLeft = { false };
        runs.runIfFree(() -> backlogLeft[0] = Drain.whileFull(properties.batchSize(), properties.maxRun(), new Batches(moreFirings)));
        // after this firing's slot is free again, so that its successor finds room
        if (backlogLeft[0]) {
            moreFirings.accept(1);
        }
    }

    /** A firing's batches, one per call: at its first full one, it starts as many more firings as the node has room for. */
    private final class Batches implements IntSupplier {

        private final IntConsumer moreFirings;
        private boolean othersStarted;

        Batches(IntConsumer moreFirings) {
            this.moreFirings = moreFirings;
        }

        @Override
        public int getAsInt() {
            int claimed = dispatcher.dispatchDue(properties.batchSize());
            if (claimed >= properties.batchSize() && !othersStarted) {
                othersStarted = true;
                moreFirings.accept(runs.free());
            }
            return claimed;
        }
    }

    private static void fireNow(JobExecutionContext context, int firings) {
        try {
            for (int i = 0; i < firings; i++) {
                context.getScheduler().triggerJob(context.getJobDetail().getKey());
            }
        }
        catch (SchedulerException e) {
            log.warn("Could not start more dispatch firings at once; the regular ones go on: {}", e.getMessage());
        }
    }
}
