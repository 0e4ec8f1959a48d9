package io.kaskad.task;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

import io.kaskad.account.Company;
import io.kaskad.account.CompanyService;
import io.kaskad.common.ConflictException;
import io.kaskad.common.InvalidRequestException;
import io.kaskad.common.InvalidRequestException.Problem;
import io.kaskad.common.NotFoundException;
import io.kaskad.common.PublicUrl;
import io.kaskad.message.MessageService;
import io.kaskad.message.MessageStatus;
import io.kaskad.message.SendTasks;

/**
 * Send tasks of a company: created from an uploaded file (checked row by row into a report), started,
 * paused, resumed and cancelled; the run itself is {@link TaskRunner}'s. Every method is scoped by
 * company id, so a task id of another company is simply not found.
 */
@Service
public class TaskService implements SendTasks {

    public static final int MAX_NAME = 200;
    private static final int LIST_LIMIT = 200;

    private final TaskStore store;
    private final TaskImporter importer;
    private final MessageService messages;
    private final CompanyService companies;
    private final TaskProperties properties;
    private final PublicUrl publicUrl;
    private final Clock clock;

    TaskService(TaskStore store, TaskImporter importer, MessageService messages, CompanyService companies, TaskProperties properties,
            PublicUrl publicUrl, Clock clock) {
        this.store = store;
        this.importer = importer;
        this.messages = messages;
        this.companies = companies;
        this.properties = properties;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    /** The largest file a task takes; a larger one is refused before it is read. */
    public DataSize maxFileSize() {
        return properties.maxFileSize();
    }

    /**
     * Reads the file into a new task. The portal keeps the task as a draft, to show the report before
     * the client creates it from the valid rows ({@code draft}); the API creates it at once. A file
     * that cannot be read as a whole (wrong format, missing columns, no rows) leaves nothing behind.
     */
    public TaskView create(long companyId, Long userId, NewTask task, Path file, String fileName, long fileSize, boolean draft) {
        List<Problem> problems = new ArrayList<>();
        if (task.name() == null || task.name().isBlank()) {
            problems.add(new Problem("name", "task.name.required"));
        }
        else if (task.name().length() > MAX_NAME) {
            problems.add(new Problem("name", "task.name.too-long", MAX_NAME));
        }
        if (task.type() == null) {
            problems.add(new Problem("type", "task.type.required", Arrays.toString(TaskType.values())));
        }
        checkPeriod(task.periodFrom(), task.periodTo(), problems);
        checkFile(file, fileSize, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        FileFormat format = format(file);
        Instant now = clock.instant();
        String publicId = UUID.randomUUID().toString();
        long id = store.insert(new SendTask(0, publicId, companyId, task.name().strip(), task.type(),
                TaskStatus.IMPORTING, null, name(fileName), format.name(), task.periodFrom(), task.periodTo(), 0, 0, 0, "", null,
                UUID.randomUUID().toString(), 0, 0, 0, userId, now, now, null, null, null));
        store.rememberPublicUrl(id, publicUrl.toRemember());
        return read(id, publicId, companyId, task.type(), file, format, draft ? TaskStatus.DRAFT : TaskStatus.READY);
    }

    /** A draft's corrected file: replaces the rows and the report of the one before. */
    public TaskView replaceFile(long companyId, String taskId, Path file, String fileName, long fileSize) {
        SendTask task = find(companyId, taskId);
        if (task.status() != TaskStatus.DRAFT) {
            throw new ConflictException("status", "task.file.not-draft");
        }
        List<Problem> problems = new ArrayList<>();
        checkFile(file, fileSize, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        FileFormat format = format(file);
        store.replaceFile(task.id(), name(fileName), format.name(), clock.instant());
        return read(task.id(), task.publicId(), companyId, task.type(), file, format, TaskStatus.DRAFT);
    }

    private TaskView read(long id, String publicId, long companyId, TaskType type, Path file, FileFormat format, TaskStatus then) {
        try {
            ImportSummary summary = importer.importFile(id, companyId, type, file, format);
            store.imported(id, then, summary, clock.instant());
        }
        catch (RuntimeException | Error unreadable) {
            // nothing of a refused file stays, whatever broke the read
            store.delete(id);
            throw unreadable;
        }
        return get(companyId, publicId);
    }

    /** A draft becomes a task of its valid rows, ready to start. */
    @Transactional
    public TaskView confirm(long companyId, String taskId) {
        SendTask task = lock(companyId, taskId);
        if (task.status() != TaskStatus.DRAFT) {
            throw new ConflictException("status", "task.confirm.not-draft");
        }
        store.update(task.withStatus(TaskStatus.READY, clock.instant()), clock.instant());
        return get(companyId, taskId);
    }

    /** Deletes a task that never started (a draft, or created and not started). */
    @Transactional
    public void delete(long companyId, String taskId) {
        SendTask task = lock(companyId, taskId);
        if (task.status() != TaskStatus.DRAFT && task.status() != TaskStatus.READY && task.status() != TaskStatus.IMPORTING
                && task.status() != TaskStatus.FAILED) {
            throw new ConflictException("status", "task.delete.started");
        }
        store.delete(task.id());
    }

    @Override
    public boolean exists(long companyId, String taskId) {
        return store.exists(companyId, taskId);
    }

    public TaskView get(long companyId, String taskId) {
        SendTask task = find(companyId, taskId);
        return view(task, store.problemCounts(task.id()), messageCounts(task));
    }

    /** The task without its report's counts per reason: what the progress bar, polled every second, needs. */
    public TaskView progress(long companyId, String taskId) {
        SendTask task = find(companyId, taskId);
        return view(task, Map.of(), messageCounts(task));
    }

    private Map<MessageStatus, Long> messageCounts(SendTask task) {
        return task.status() == TaskStatus.DRAFT || task.status() == TaskStatus.IMPORTING ? Map.of()
                : messages.countByStatus(task.companyId(), task.publicId());
    }

    /** The company's tasks sending now (the dashboard's figure). */
    public long countRunning(long companyId) {
        return store.countRunning(companyId);
    }

    public List<TaskView> list(long companyId) {
        return store.list(companyId, LIST_LIMIT).stream().map(task -> view(task, Map.of(), Map.of())).toList();
    }

    /** The first problems of the report, for showing on a page or in the API's answer. */
    public List<RowProblem> problems(long companyId, String taskId, int limit) {
        return store.problems(find(companyId, taskId).id(), limit);
    }

    @Transactional
    public TaskView start(long companyId, String taskId) {
        SendTask task = lock(companyId, taskId);
        if (task.status() != TaskStatus.READY) {
            throw new ConflictException("status", task.status() == TaskStatus.DRAFT ? "task.start.draft" : "task.start.not-ready");
        }
        if (task.validRows() == 0) {
            throw new ConflictException("file", "task.start.no-rows");
        }
        Instant now = clock.instant();
        if (!now.isBefore(task.periodTo())) {
            throw new ConflictException("periodTo", "task.start.period-over");
        }
        store.update(task.started(now), now);
        store.rememberPublicUrl(task.id(), publicUrl.toRemember());
        return get(companyId, taskId);
    }

    /** Stops handing rows over; messages already handed over go on. */
    @Transactional
    public TaskView pause(long companyId, String taskId) {
        SendTask task = lock(companyId, taskId);
        if (task.status() != TaskStatus.RUNNING) {
            throw new ConflictException("status", "task.pause.not-running");
        }
        store.update(task.withStatus(TaskStatus.PAUSED, clock.instant()), clock.instant());
        return get(companyId, taskId);
    }

    /** Goes on from the checkpoint: rows already handed over are not sent again. */
    @Transactional
    public TaskView resume(long companyId, String taskId) {
        SendTask task = lock(companyId, taskId);
        if (task.status() != TaskStatus.PAUSED) {
            throw new ConflictException("status", "task.resume.not-paused");
        }
        store.update(task.withStatus(TaskStatus.RUNNING, clock.instant()), clock.instant());
        return get(companyId, taskId);
    }

    /** Gives up the rows not handed over and cancels the task's messages that have not reached a provider. */
    @Transactional
    public TaskView cancel(long companyId, String taskId) {
        SendTask task = lock(companyId, taskId);
        if (task.status().isFinal()) {
            throw new ConflictException("status", "task.cancel.finished");
        }
        Instant now = clock.instant();
        int givenUp = store.giveUpAfter(task.id(), task.checkpointRow(), RowOutcome.CANCELLED);
        store.update(task.ended(TaskOutcome.CANCELLED, task.unsentRows() + givenUp, now), now);
        if (task.sentRows() > 0) {
            try {
                messages.cancelBulk(companyId, task.bulkId());
            }
            catch (NotFoundException noMessages) {
                // every handed-over row was refused at once: nothing to cancel
            }
        }
        return get(companyId, taskId);
    }

    /** What starting (or resuming) now would do, given the company's rate limit and the period. */
    public DryRun dryRun(long companyId, String taskId) {
        SendTask task = find(companyId, taskId);
        Company company = companies.get(companyId);
        int remaining = task.status().isFinal() ? 0 : task.remainingRows();
        int rate = Math.max(1, company.sendRateLimit());
        Instant now = clock.instant();
        Instant startsAt = now.isBefore(task.periodFrom()) ? task.periodFrom() : now;
        Instant finish = startsAt.plusMillis((long) Math.ceil(remaining * 1000.0 / rate));
        long room = startsAt.isBefore(task.periodTo()) ? Duration.between(startsAt, task.periodTo()).toMillis() * rate / 1000 : 0;
        int notFitting = (int) Math.max(0, remaining - room);
        Integer first = null;
        Integer last = null;
        if (notFitting > 0) {
            first = store.rowNumberAt(task.id(), task.checkpointRow(), remaining - notFitting).orElse(null);
            last = store.lastRowNumber(task.id()).orElse(null);
        }
        List<String> channels = task.channels().isBlank() ? List.of() : List.of(task.channels().split(","));
        return new DryRun(remaining, channels, rate, startsAt, finish, task.periodTo(), notFitting, first, last);
    }

    // --- shared

    SendTask find(long companyId, String taskId) {
        return store.find(companyId, taskId).orElseThrow(() -> new NotFoundException("Task", taskId));
    }

    private SendTask lock(long companyId, String taskId) {
        return store.lock(find(companyId, taskId).id()).orElseThrow(() -> new NotFoundException("Task", taskId));
    }

    private void checkPeriod(Instant from, Instant to, List<Problem> problems) {
        if (from == null) {
            problems.add(new Problem("periodFrom", "task.period.required"));
        }
        if (to == null) {
            problems.add(new Problem("periodTo", "task.period.required"));
        }
        if (from != null && to != null) {
            if (!to.isAfter(from)) {
                problems.add(new Problem("periodTo", "task.period.order"));
            }
            else if (!to.isAfter(clock.instant())) {
                problems.add(new Problem("periodTo", "task.period.past"));
            }
        }
    }

    private void checkFile(Path file, long size, List<Problem> problems) {
        if (file == null || size == 0) {
            problems.add(new Problem("file", "task.file.required"));
        }
        else if (size > properties.maxFileSize().toBytes()) {
            problems.add(new Problem("file", "task.file.too-large", properties.maxFileSize().toMegabytes()));
        }
    }

    private static FileFormat format(Path file) {
        try {
            FileFormat format = FileFormat.of(file);
            if (format == FileFormat.XLS) {
                throw new InvalidRequestException(List.of(new Problem("file", "task.file.xls")));
            }
            return format;
        }
        catch (IOException unreadable) {
            throw new InvalidRequestException(List.of(new Problem("file", "task.file.unreadable", String.valueOf(unreadable.getMessage()))));
        }
    }

    private static String name(String fileName) {
        String name = fileName == null || fileName.isBlank() ? "file" : Path.of(fileName.replace('\\', '/')).getFileName().toString();
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }

    private static TaskView view(SendTask t, Map<ProblemCode, Long> problems, Map<MessageStatus, Long> counts) {
        int handled = t.sentRows() + t.unsentRows();
        int percent = t.validRows() == 0 ? (t.status() == TaskStatus.FINISHED ? 100 : 0) : (int) (handled * 100L / t.validRows());
        List<String> ignored = t.ignoredColumns() == null ? List.of() : List.of(t.ignoredColumns().split(", "));
        List<String> channels = t.channels().isBlank() ? List.of() : List.of(t.channels().split(","));
        return new TaskView(t.publicId(), t.name(), t.type(), t.status(), t.outcome(), t.fileName(), t.periodFrom(), t.periodTo(),
                t.createdAt(), t.startedAt(), t.finishedAt(),
                new TaskView.Validation(t.totalRows(), t.validRows(), t.invalidRows(), ignored, problems),
                new TaskView.Progress(t.validRows(), t.sentRows(), t.unsentRows(), t.remainingRows(), percent, counts), channels);
    }
}
