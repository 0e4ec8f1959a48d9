package io.kaskad.task;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.kaskad.common.CsvLines;
import io.kaskad.message.MessageService;
import io.kaskad.message.MessageStatus;
import io.kaskad.task.TaskStore.StoredRow;

/**
 * The files of send tasks: each type's template to fill in (XLSX: header, a row describing each
 * column, an example row), a task's validation report and its results (CSV in UTF-8 with a byte-order
 * mark and semicolons, which Excel opens as it is in a Russian locale). Reports and results are
 * written a page at a time, whatever their size.
 */
@Component
public class TaskFiles {

    private static final int PAGE = 1_000;

    private final TaskService tasks;
    private final TaskStore store;
    private final MessageService messages;
    private final MessageSource texts;

    TaskFiles(TaskService tasks, TaskStore store, MessageService messages, MessageSource texts) {
        this.tasks = tasks;
        this.store = store;
        this.messages = messages;
        this.texts = texts;
    }

    /** The file name a type's template is offered under, e.g. {@code kaskad-sms.xlsx}. */
    public static String templateFileName(TaskType type) {
        return "kaskad-" + type.name().toLowerCase(Locale.ROOT).replace('_', '-') + ".xlsx";
    }

    public void writeTemplate(TaskType type, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "Kaskad", "1.0");
        Worksheet sheet = workbook.newWorksheet("Задание");
        List<TaskColumn> columns = type.columns();
        for (int c = 0; c < columns.size(); c++) {
            TaskColumn column = columns.get(c);
            sheet.value(0, c, column.header());
            sheet.style(0, c).bold().fillColor("DDEBF7").set();
            sheet.value(1, c, texts.getMessage(column.descriptionKey(), null, TaskColumn.TEMPLATE_LANGUAGE));
            sheet.style(1, c).italic().wrapText(true).fontColor("595959").set();
            if (!column.example().isEmpty()) {
                sheet.value(2, c, column.example());
            }
            sheet.width(c, 28);
        }
        sheet.freezePane(0, 1);
        workbook.finish();
    }

    /** Throws not-found unless {@code taskId} is one of the company's tasks. */
    public void checkTask(long companyId, String taskId) {
        tasks.find(companyId, taskId);
    }

    /** The validation report: row, column, reason, value; one line per problem. */
    public void writeReport(long companyId, String taskId, Writer out, Locale locale) {
        SendTask task = tasks.find(companyId, taskId);
        try {
            out.write('\uFEFF');
            CsvLines.write(out, text("task.report.row", locale), text("task.report.column", locale), text("task.report.reason", locale),
                    text("task.report.value", locale));
            store.eachProblem(task.id(), problem -> {
                try {
                    CsvLines.write(out, String.valueOf(problem.row()), columnName(task.type(), problem.column()), reason(problem, locale),
                            problem.value() == null ? "" : problem.value());
                }
                catch (IOException failed) {
                    throw new UncheckedIOException(failed);
                }
            });
            out.flush();
        }
        catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /** The results: each valid row with its destination, its message id and the message's status now. */
    public void writeResults(long companyId, String taskId, Writer out, Locale locale) throws IOException {
        SendTask task = tasks.find(companyId, taskId);
        out.write('\uFEFF');
        CsvLines.write(out, text("task.report.row", locale), text("task.results.destination", locale), text("task.results.message", locale),
                text("task.results.status", locale), text("task.results.error", locale));
        int after = 0;
        while (true) {
            List<StoredRow> rows = store.rowsAfter(task.id(), after, PAGE);
            if (rows.isEmpty()) {
                break;
            }
            List<String> ids = new ArrayList<>();
            rows.forEach(row -> {
                if (row.messageId() != null) {
                    ids.add(row.messageId());
                }
            });
            Map<String, MessageStatus> statuses = messages.statuses(companyId, ids);
            for (StoredRow row : rows) {
                String status;
                if (row.messageId() != null && statuses.containsKey(row.messageId())) {
                    status = statuses.get(row.messageId()).name();
                }
                else {
                    status = row.outcome() == null ? "NOT_SENT_YET" : row.outcome().name();
                }
                CsvLines.write(out, String.valueOf(row.number()), row.destination(), row.messageId() == null ? "" : row.messageId(), status,
                        row.error() == null ? "" : row.error());
            }
            after = rows.get(rows.size() - 1).number();
        }
        out.flush();
    }

    /** A problem as a person reads it, e.g. "Неверный номер телефона: 12345". */
    public String reason(RowProblem problem, Locale locale) {
        return texts.getMessage(problem.code().messageKey(), new Object[] { problem.value() == null ? "" : problem.value() }, locale);
    }

    /** The column as the template heads it, with its key: "Телефон (phone)". */
    public static String columnName(TaskType type, String key) {
        if (key == null) {
            return "";
        }
        return type.columns().stream()
            .filter(c -> c.key().equals(key))
            .findFirst()
            .map(c -> c.header() + " (" + c.key() + ")")
            .orElse(key);
    }

    private String text(String key, Locale locale) {
        return texts.getMessage(key, null, locale);
    }
}
