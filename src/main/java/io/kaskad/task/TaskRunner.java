package io.kaskad.task;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.kaskad.common.Strings;
import io.kaskad.account.Company;
import io.kaskad.account.CompanyService;
import io.kaskad.common.InvalidRequestException;
import io.kaskad.common.PublicUrl;
import io.kaskad.message.MessageService;
import io.kaskad.message.MessageStatus;
import io.kaskad.message.SendRequest;
import io.kaskad.message.SendRequest.MessageSpec;
import io.kaskad.message.SendResult;
import io.kaskad.message.TemplateNotUsableException;
import io.kaskad.message.TemplateParameterException;
import io.kaskad.task.TaskStore.StoredRow;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the running tasks, one batch of rows per task per tick. A batch is one transaction: the task
 * row is locked (a node that finds it locked leaves it to the node holding it), the rows after the
 * checkpoint become messages, the rows record their messages and the checkpoint moves past them. A
 * crash rolls all of it back, so after a restart the run picks up at the checkpoint and no row is
 * sent twice. Batches follow the company's rate limit, so a paused task has at most a second of
 * messages still going out.
 */
@Component
class TaskRunner {

    private static final Logger log = LoggerFactory.getLogger(TaskRunner.class);
    /** After a pause or a stall, a run does not make up for lost time in one burst. */
    private static final Duration MAX_CATCH_UP = Duration.ofSeconds(5);
    private static final Duration STALE_IMPORT = Duration.ofMinutes(30);

    private final Counter rowsSent;
    private final Counter rowsRejected;
    private final TaskStore store;
    private final MessageService messages;
    private final CompanyService companies;
    private final PublicUrl publicUrl;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;
    private final int maxBatch;

    TaskRunner(TaskStore store, MessageService messages, CompanyService companies, PublicUrl publicUrl, TransactionTemplate transactions,
            JsonMapper json,
            Clock clock, @Value("${kaskad.task.max-batch:1000}") int maxBatch, MeterRegistry registry) {
        this.rowsSent = Counter.builder("kaskad.task.rows").description("Send-task rows sent or rejected").tag("outcome", "sent")
            .register(registry);
        this.rowsRejected = Counter.builder("kaskad.task.rows").description("Send-task rows sent or rejected").tag("outcome", "rejected")
            .register(registry);
        this.store = store;
        this.messages = messages;
        this.companies = companies;
        this.publicUrl = publicUrl;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
        this.maxBatch = maxBatch;
    }

    /**
     * One tick: a batch of every running task. A file is read within its upload request (a minute at
     * most for the largest); a task still reading long after that lost its node, and ends failed
     * rather than showing "Файл загружается" for ever.
     */
    void runAll() {
        Instant now = clock.instant();
        int interrupted = store.failStaleImports(now.minus(STALE_IMPORT), now);
        if (interrupted > 0) {
            log.warn("{} send task(s) stopped reading their file half-way (their node stopped); marked FAILED", interrupted);
        }
        for (long taskId : store.running()) {
            try {
                run(taskId);
            }
            catch (RuntimeException failed) {
                log.error("Send task {} batch failed; it is retried from its checkpoint on the next tick", taskId, failed);
            }
        }
    }

    /**
     * A batch of one task. When the batch is refused as a whole (a template withdrawn since the
     * upload), its rows go one at a time, and a refused row is given up with the reason.
     */
    void run(long taskId) {
        try {
            transactions.executeWithoutResult(status -> batch(taskId, 0));
        }
        catch (InvalidRequestException | TemplateNotUsableException | TemplateParameterException refused) {
            for (int i = 0; i < maxBatch; i++) {
                try {
                    if (!Boolean.TRUE.equals(transactions.execute(status -> batch(taskId, 1)))) {
                        return;
                    }
                }
                catch (InvalidRequestException | TemplateNotUsableException | TemplateParameterException rowRefused) {
                    transactions.executeWithoutResult(status -> refuseNextRow(taskId, rowRefused.getMessage()));
                }
            }
        }
    }

    /** @return whether the batch sent rows (there may be more) */
    private boolean batch(long taskId, int limit) {
        SendTask task = store.lockUnlessBusy(taskId).orElse(null);
        if (task == null || task.status() != TaskStatus.RUNNING) {
            return false;
        }
        Instant now = clock.instant();
        if (now.isBefore(task.periodFrom())) {
            return false;
        }
        if (!now.isBefore(task.periodTo())) {
            int givenUp = store.giveUpAfter(task.id(), task.checkpointRow(), RowOutcome.PERIOD_ENDED);
            store.update(task.ended(TaskOutcome.PERIOD_ENDED, task.unsentRows() + givenUp, now), now);
            return false;
        }
        Company company = companies.get(task.companyId());
        int allowance = limit > 0 ? limit : allowance(task, company, now);
        if (allowance == 0) {
            return false;
        }
        List<StoredRow> rows = store.rowsAfter(task.id(), task.checkpointRow(), allowance);
        if (rows.isEmpty()) {
            store.update(task.ended(TaskOutcome.ALL_SENT, task.unsentRows(), now), now);
            return false;
        }
        List<MessageSpec> specs = new ArrayList<>(rows.size());
        for (StoredRow row : rows) {
            specs.add(json.readValue(row.data(), task.type().rowType()).message(task.publicId()));
        }
        // the run is outside any request: its short links name the address the task was started at
        List<SendResult> results = publicUrl.asAt(store.publicUrl(task.id()),
                () -> messages.sendForTask(task.companyId(), company.zoneId(), task.publicId(), new SendRequest(specs), task.bulkId()));
        List<StoredRow> outcomes = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            SendResult result = results.get(i);
            boolean rejected = result.status() == MessageStatus.REJECTED;
            outcomes.add(new StoredRow(rows.get(i).number(), null, null, result.id(), rejected ? RowOutcome.REJECTED : RowOutcome.SENT,
                    rejected && result.rejection() != null ? result.rejection().code() : null));
        }
        store.recordOutcomes(task.id(), outcomes);
        long rejectedRows = outcomes.stream().filter(row -> row.outcome() == RowOutcome.REJECTED).count();
        rowsRejected.increment(rejectedRows);
        rowsSent.increment(outcomes.size() - rejectedRows);
        int checkpoint = rows.get(rows.size() - 1).number();
        store.update(task.progressed(checkpoint, task.sentRows() + rows.size(), task.unsentRows(), now), now);
        return true;
    }

    private void refuseNextRow(long taskId, String reason) {
        SendTask task = store.lockUnlessBusy(taskId).orElse(null);
        if (task == null || task.status() != TaskStatus.RUNNING) {
            return;
        }
        List<StoredRow> next = store.rowsAfter(task.id(), task.checkpointRow(), 1);
        if (next.isEmpty()) {
            return;
        }
        StoredRow row = next.get(0);
        Instant now = clock.instant();
        store.recordOutcomes(task.id(),
                List.of(new StoredRow(row.number(), null, null, null, RowOutcome.REJECTED, Strings.cut(reason, 500))));
        store.update(task.progressed(row.number(), task.sentRows(), task.unsentRows() + 1, now), now);
    }

    /** The company's rate over the time since the last batch (a second's worth for the first). */
    private int allowance(SendTask task, Company company, Instant now) {
        Duration since = task.lastRunAt() == null ? Duration.ofSeconds(1) : Duration.between(task.lastRunAt(), now);
        if (since.compareTo(MAX_CATCH_UP) > 0) {
            since = MAX_CATCH_UP;
        }
        long allowed = since.toMillis() * company.sendRateLimit() / 1000;
        return (int) Math.max(0, Math.min(maxBatch, allowed));
    }

}
