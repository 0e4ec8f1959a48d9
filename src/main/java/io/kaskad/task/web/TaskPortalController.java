package io.kaskad.task.web;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.kaskad.account.CompanyService;
import io.kaskad.account.PortalUser;
import io.kaskad.common.ConflictException;
import io.kaskad.common.InvalidRequestException;
import io.kaskad.common.InvalidRequestException.Problem;
import io.kaskad.task.NewTask;
import io.kaskad.task.TaskFiles;
import io.kaskad.task.TaskService;
import io.kaskad.task.TaskStatus;
import io.kaskad.task.TaskType;
import io.kaskad.task.TaskView;

/**
 * "Уведомления – Задания на отправку": the list, the new-task form with each type's template and its
 * columns, the uploaded file's report (the client creates the task from the valid rows or uploads a
 * corrected file), the dry run, start/pause/resume/cancel, and the live progress bar.
 */
@Controller
class TaskPortalController {

    static final int PROBLEMS_ON_PAGE = 100;

    private final TaskService tasks;
    private final TaskFiles files;
    private final CompanyService companies;
    private final MessageSource texts;

    TaskPortalController(TaskService tasks, TaskFiles files, CompanyService companies, MessageSource texts) {
        this.tasks = tasks;
        this.files = files;
        this.companies = companies;
        this.texts = texts;
    }

    @GetMapping("/tasks")
    String list(@AuthenticationPrincipal PortalUser user, @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) TaskStatus status, Model model) {
        String query = q.strip().toLowerCase(Locale.ROOT);
        model.addAttribute("tasks", tasks.list(user.companyId()).stream()
            .filter(t -> query.isEmpty() || t.name().toLowerCase(Locale.ROOT).contains(query))
            .filter(t -> status == null || t.status() == status)
            .toList());
        model.addAttribute("q", q);
        model.addAttribute("status", status);
        model.addAttribute("statuses", TaskStatus.values());
        model.addAttribute("filtered", !query.isEmpty() || status != null);
        model.addAttribute("zone", zone(user));
        return "tasks/list";
    }

    @GetMapping("/tasks/new")
    String form(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) String type, Model model) {
        LocalDateTime now = LocalDateTime.now(zone(user)).truncatedTo(ChronoUnit.MINUTES);
        return form(model, new TaskForm("", type == null ? TaskType.SMS.name() : type, now.toString(), now.plusDays(1).toString()),
                List.of());
    }

    /** The chosen type's columns, swapped in by htmx when the type changes. */
    @GetMapping("/tasks/columns")
    String columns(@RequestParam String type, Model model) {
        model.addAttribute("selectedType", typeOrSms(type));
        return "tasks/new :: columns";
    }

    @PostMapping("/tasks")
    String create(@AuthenticationPrincipal PortalUser user, TaskForm form, @RequestParam(required = false) MultipartFile file, Model model,
            RedirectAttributes redirect) {
        List<Problem> problems = new ArrayList<>();
        ZoneId zone = zone(user);
        TaskType type = TaskUploads.type(form.type(), problems);
        Instant from = TaskUploads.time("periodFrom", form.periodFrom(), zone, problems);
        Instant to = TaskUploads.time("periodTo", form.periodTo(), zone, problems);
        try {
            TaskUploads.failOn(problems);
            TaskView task = TaskUploads.withFile(file, (path, fileName, size) -> tasks.create(user.companyId(), user.userId(),
                    new NewTask(form.name(), type, from, to), path, fileName, size, true));
            return "redirect:/tasks/" + task.id();
        }
        catch (InvalidRequestException refused) {
            return form(model, form, messages(refused.problems()));
        }
    }

    @GetMapping("/tasks/templates/{type}")
    void template(@PathVariable String type, HttpServletResponse response) throws IOException {
        TaskDownloads.template(files, type, response);
    }

    @GetMapping("/tasks/{taskId}")
    String task(@AuthenticationPrincipal PortalUser user, @PathVariable String taskId, Model model) {
        TaskView task = tasks.get(user.companyId(), taskId);
        model.addAttribute("task", task);
        model.addAttribute("zone", zone(user));
        model.addAttribute("problems", tasks.problems(user.companyId(), taskId, PROBLEMS_ON_PAGE));
        model.addAttribute("files", files);
        if (!task.status().isFinal() && task.status() != TaskStatus.IMPORTING) {
            model.addAttribute("dryRun", tasks.dryRun(user.companyId(), taskId));
        }
        return "tasks/detail";
    }

    /** The progress bar and counts alone, polled by the page while the task runs. */
    @GetMapping("/tasks/{taskId}/progress")
    String progress(@AuthenticationPrincipal PortalUser user, @PathVariable String taskId,
            @RequestParam(defaultValue = "true") boolean running, Model model, HttpServletResponse response) {
        TaskView task = tasks.progress(user.companyId(), taskId);
        if (running && task.status() != TaskStatus.RUNNING) {
            // the run stopped (finished, or paused elsewhere): reload the page so its buttons match
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("task", task);
        model.addAttribute("zone", zone(user));
        return "tasks/detail :: progress";
    }

    /** A corrected file for a draft: its rows and report replace the previous ones. */
    @PostMapping("/tasks/{taskId}/file")
    String replaceFile(@AuthenticationPrincipal PortalUser user, @PathVariable String taskId,
            @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) {
        try {
            TaskUploads.withFile(file, (path, fileName, size) -> tasks.replaceFile(user.companyId(), taskId, path, fileName, size));
            redirect.addFlashAttribute("success", "tasks.file.replaced");
        }
        catch (InvalidRequestException refused) {
            redirect.addFlashAttribute("fileProblems", messages(refused.problems()));
        }
        catch (ConflictException refused) {
            redirect.addFlashAttribute("error", refused.messageCode());
        }
        return "redirect:/tasks/" + taskId;
    }

    @PostMapping("/tasks/{taskId}/{action:confirm|start|pause|resume|cancel}")
    String act(@AuthenticationPrincipal PortalUser user, @PathVariable String taskId, @PathVariable String action,
            RedirectAttributes redirect) {
        try {
            switch (action) {
                case "confirm" -> tasks.confirm(user.companyId(), taskId);
                case "start" -> tasks.start(user.companyId(), taskId);
                case "pause" -> tasks.pause(user.companyId(), taskId);
                case "resume" -> tasks.resume(user.companyId(), taskId);
                default -> tasks.cancel(user.companyId(), taskId);
            }
            redirect.addFlashAttribute("success", "tasks.done." + action);
        }
        catch (ConflictException refused) {
            redirect.addFlashAttribute("error", refused.messageCode());
        }
        return "redirect:/tasks/" + taskId;
    }

    @PostMapping("/tasks/{taskId}/delete")
    String delete(@AuthenticationPrincipal PortalUser user, @PathVariable String taskId, RedirectAttributes redirect) {
        try {
            tasks.delete(user.companyId(), taskId);
            redirect.addFlashAttribute("success", "tasks.done.delete");
            return "redirect:/tasks";
        }
        catch (ConflictException refused) {
            redirect.addFlashAttribute("error", refused.messageCode());
            return "redirect:/tasks/" + taskId;
        }
    }

    @GetMapping("/tasks/{taskId}/report")
    void report(@AuthenticationPrincipal PortalUser user, @PathVariable String taskId, HttpServletResponse response) throws IOException {
        TaskDownloads.report(files, user.companyId(), taskId, response);
    }

    @GetMapping("/tasks/{taskId}/results")
    void results(@AuthenticationPrincipal PortalUser user, @PathVariable String taskId, HttpServletResponse response) throws IOException {
        TaskDownloads.results(files, user.companyId(), taskId, response);
    }

    private String form(Model model, TaskForm form, List<String> problems) {
        model.addAttribute("form", form);
        model.addAttribute("types", TaskType.values());
        model.addAttribute("selectedType", typeOrSms(form.type()));
        model.addAttribute("problems", problems);
        model.addAttribute("maxFileMb", tasks.maxFileSize().toMegabytes());
        return "tasks/new";
    }

    private List<String> messages(List<Problem> problems) {
        Locale locale = LocaleContextHolder.getLocale();
        return problems.stream()
            .map(p -> texts.getMessage("task.field." + p.field(), null, p.field(), locale) + ": "
                    + texts.getMessage(p.messageCode(), p.args(), p.messageCode(), locale))
            .toList();
    }

    private static TaskType typeOrSms(String type) {
        try {
            return type == null ? TaskType.SMS : TaskUploads.parseType(type);
        }
        catch (IllegalArgumentException unknown) {
            return TaskType.SMS;
        }
    }

    private ZoneId zone(PortalUser user) {
        return companies.get(user.companyId()).zoneId();
    }

    /** The new-task form's fields; the period in the company's local time, as a datetime-local input gives it. */
    record TaskForm(String name, String type, String periodFrom, String periodTo) {
    }
}
