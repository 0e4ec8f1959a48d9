package io.kaskad.task.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.springframework.web.multipart.MultipartFile;

import io.kaskad.common.InvalidRequestException;
import io.kaskad.common.InvalidRequestException.Problem;
import io.kaskad.task.TaskType;

/** What the portal and the API share in taking a task file: the upload on disk, the type and the period's times. */
final class TaskUploads {

    private TaskUploads() {
    }

    /** Something done with an uploaded file, moved to a temporary file for it and deleted afterwards. */
    interface WithFile<T> {
        T apply(Path file, String fileName, long size);
    }

    static <T> T withFile(MultipartFile upload, WithFile<T> work) {
        if (upload == null || upload.isEmpty()) {
            return work.apply(null, null, 0);
        }
        Path file = null;
        try {
            file = Files.createTempFile("kaskad-task-", ".upload");
            upload.transferTo(file);
            return work.apply(file, upload.getOriginalFilename(), upload.getSize());
        }
        catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                }
                catch (IOException ignored) {
                    // the temporary directory is cleaned by the system
                }
            }
        }
    }

    /** {@code SMS}, {@code sms} or {@code whatsapp-chat-session}: the type, or a problem naming the allowed ones. */
    static TaskType type(String value, List<Problem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new Problem("type", "task.type.required", allowedTypes()));
            return null;
        }
        try {
            return parseType(value);
        }
        catch (IllegalArgumentException unknown) {
            problems.add(new Problem("type", "task.type.unknown", value, allowedTypes()));
            return null;
        }
    }

    static TaskType parseType(String value) {
        return TaskType.valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    private static String allowedTypes() {
        return String.join(", ", java.util.Arrays.stream(TaskType.values()).map(Enum::name).toList());
    }

    /** {@code 2026-11-21T09:00:00+03:00}, {@code …Z}, or a local {@code 2026-11-21T09:00} in the company's time zone. */
    static Instant time(String field, String value, ZoneId zone, List<Problem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        }
        catch (DateTimeException notOffset) {
            try {
                return LocalDateTime.parse(value.trim()).atZone(zone).toInstant();
            }
            catch (DateTimeException notLocal) {
                problems.add(new Problem(field, "task.period.format", value));
                return null;
            }
        }
    }

    static void failOn(List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }
}
