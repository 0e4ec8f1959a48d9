package io.kaskad.task.web;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/** Response headers of the task files offered for download. */
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
}
