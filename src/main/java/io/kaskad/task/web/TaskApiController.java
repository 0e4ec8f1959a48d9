package io.kaskad.task.web;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.kaskad.account.ApiClient;
import io.kaskad.account.CompanyService;
import io.kaskad.common.InvalidRequestException.Problem;
import io.kaskad.task.DryRun;
import io.kaskad.task.NewTask;
import io.kaskad.task.RowProblem;
import io.kaskad.task.TaskFiles;
import io.kaskad.task.TaskService;
import io.kaskad.task.TaskType;
import io.kaskad.task.TaskView;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Send tasks over the API, for client systems that upload their campaigns themselves: the same
 * checks and report as the portal, but the task is created at once from the valid rows (a client
 * that wants none of it cancels or deletes it). Reports and results are CSV files.
 */
@Tag(name = "Задания на отправку", description = "Рассылки из файлов XLSX/CSV: проверка, пробный расчёт, запуск, пауза, отмена, отчёты")
@RestController
@RequestMapping("/api/v1/tasks")
class TaskApiController {

    /** How many problems the answer to an upload lists; the report file has all of them. */
    static final int PROBLEMS_IN_ANSWER = 100;
    private static final Duration DEFAULT_PERIOD = Duration.ofDays(1);

    private final TaskService tasks;
    private final TaskFiles files;
    private final CompanyService companies;

    TaskApiController(TaskService tasks, TaskFiles files, CompanyService companies) {
        this.tasks = tasks;
        this.files = files;
        this.companies = companies;
    }

    /** A task with the first problems of its file, each with a message a person can act on. */
    record TaskAnswer(@JsonUnwrapped TaskView task, List<ProblemAnswer> problems, String reportUrl) {
    }

    record ProblemAnswer(int row, String column, String code, String value, String message) {
    }

    /**
     * Multipart {@code name}, {@code type}, {@code file}, and optionally {@code periodFrom} and
     * {@code periodTo} (ISO-8601; without an offset, in the company's time zone; by default from now
     * for a day).
     */
    @PostMapping(consumes = "multipart/form-data")
    @ResponseStatus(HttpStatus.CREATED)
    TaskAnswer create(@AuthenticationPrincipal ApiClient client, @RequestParam(required = false) String name,
            @RequestParam(required = false) String type, @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String periodFrom, @RequestParam(required = false) String periodTo) {
        ZoneId zone = companies.get(client.companyId()).zoneId();
        List<Problem> problems = new ArrayList<>();
        TaskType taskType = TaskUploads.type(type, problems);
        Instant from = TaskUploads.time("periodFrom", periodFrom, zone, problems);
        Instant to = TaskUploads.time("periodTo", periodTo, zone, problems);
        TaskUploads.failOn(problems);
        Instant start = from != null ? from : Instant.now();
        NewTask task = new NewTask(name, taskType, start, to != null ? to : start.plus(DEFAULT_PERIOD));
        TaskView created = TaskUploads.withFile(file,
                (path, fileName, size) -> tasks.create(client.companyId(), null, task, path, fileName, size, false));
        return answer(client.companyId(), created);
    }

    @GetMapping
    List<TaskView> list(@AuthenticationPrincipal ApiClient client) {
        return tasks.list(client.companyId());
    }

    @GetMapping("/{taskId}")
    TaskAnswer get(@AuthenticationPrincipal ApiClient client, @PathVariable String taskId) {
        return answer(client.companyId(), tasks.get(client.companyId(), taskId));
    }

    @GetMapping("/{taskId}/dry-run")
    DryRun dryRun(@AuthenticationPrincipal ApiClient client, @PathVariable String taskId) {
        return tasks.dryRun(client.companyId(), taskId);
    }

    @PostMapping("/{taskId}/start")
    TaskView start(@AuthenticationPrincipal ApiClient client, @PathVariable String taskId) {
        return tasks.start(client.companyId(), taskId);
    }

    @PostMapping("/{taskId}/pause")
    TaskView pause(@AuthenticationPrincipal ApiClient client, @PathVariable String taskId) {
        return tasks.pause(client.companyId(), taskId);
    }

    @PostMapping("/{taskId}/resume")
    TaskView resume(@AuthenticationPrincipal ApiClient client, @PathVariable String taskId) {
        return tasks.resume(client.companyId(), taskId);
    }

    @PostMapping("/{taskId}/cancel")
    TaskView cancel(@AuthenticationPrincipal ApiClient client, @PathVariable String taskId) {
        return tasks.cancel(client.companyId(), taskId);
    }

    @DeleteMapping("/{taskId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal ApiClient client, @PathVariable String taskId) {
        tasks.delete(client.companyId(), taskId);
    }

    @GetMapping("/{taskId}/report")
    void report(@AuthenticationPrincipal ApiClient client, @PathVariable String taskId, HttpServletResponse response) throws IOException {
        TaskDownloads.report(files, client.companyId(), taskId, response);
    }

    @GetMapping("/{taskId}/results")
    void results(@AuthenticationPrincipal ApiClient client, @PathVariable String taskId, HttpServletResponse response)
            throws IOException {
        TaskDownloads.results(files, client.companyId(), taskId, response);
    }

    @GetMapping("/templates/{type}")
    void template(@PathVariable String type, HttpServletResponse response) throws IOException {
        TaskDownloads.template(files, type, response);
    }

    private TaskAnswer answer(long companyId, TaskView task) {
        Locale locale = LocaleContextHolder.getLocale();
        List<ProblemAnswer> problems = tasks.problems(companyId, task.id(), PROBLEMS_IN_ANSWER).stream()
            .map(p -> problem(p, locale))
            .toList();
        return new TaskAnswer(task, problems, "/api/v1/tasks/" + task.id() + "/report");
    }

    private ProblemAnswer problem(RowProblem p, Locale locale) {
        return new ProblemAnswer(p.row(), p.column(), p.code().name(), p.value(), files.reason(p, locale));
    }
}
