package io.kaskad.task.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

import io.kaskad.common.NotFoundException;
import io.kaskad.task.TaskFiles;
import io.kaskad.task.TaskType;

/** The task files offered for download, alike in the portal and over the API. */
final class TaskDownloads {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private TaskDownloads() {
    }

    static void xlsx(HttpServletResponse response, String fileName) {
        attachment(response, XLSX, fileName);
    }

    static void attachment(HttpServletResponse response, String contentType, String fileName) {
        response.setContentType(contentType);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString());
    }

    /** The template of {@code type} ({@code sms}, {@code SMS} or {@code whatsapp-chat-session}); 404 for no such type. */
    static void template(TaskFiles files, String type, HttpServletResponse response) throws IOException {
        TaskType taskType;
        try {
            taskType = TaskUploads.parseType(type);
        }
        catch (IllegalArgumentException unknown) {
            throw new NotFoundException("Task type", type);
        }
        xlsx(response, TaskFiles.templateFileName(taskType));
        files.writeTemplate(taskType, response.getOutputStream());
    }

    /** The validation report of one of the company's tasks (404 for another company's, before any header is written). */
    static void report(TaskFiles files, long companyId, String taskId, HttpServletResponse response) throws IOException {
        files.checkTask(companyId, taskId);
        attachment(response, "text/csv;charset=UTF-8", "report-" + taskId + ".csv");
        files.writeReport(companyId, taskId, new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
                LocaleContextHolder.getLocale());
    }

    static void results(TaskFiles files, long companyId, String taskId, HttpServletResponse response) throws IOException {
        files.checkTask(companyId, taskId);
        attachment(response, "text/csv;charset=UTF-8", "results-" + taskId + ".csv");
        files.writeResults(companyId, taskId, new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
                LocaleContextHolder.getLocale());
    }
}
