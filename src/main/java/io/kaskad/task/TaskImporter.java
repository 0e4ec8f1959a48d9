package io.kaskad.task;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.kaskad.common.Strings;
import io.kaskad.channel.Channel;
import io.kaskad.chat.ChatService;
import io.kaskad.chat.ChatSessionService;
import io.kaskad.common.InvalidRequestException;
import io.kaskad.common.InvalidRequestException.Problem;
import io.kaskad.message.SendTemplates;
import io.kaskad.task.ColumnLayout.ParsedRow;
import io.kaskad.task.RowChecks.CheckedRow;
import io.kaskad.task.TaskStore.StoredRow;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a task file row by row and stores its valid rows and its problems, a chunk at a time: memory
 * holds one chunk and the destinations seen (for duplicates), never the file. Each chunk is written
 * in its own JDBC batch; the caller removes what was written if the file turns out unreadable.
 */
@Component
class TaskImporter {

    static final int CHUNK = 1_000;

    private final TaskStore store;
    private final ChatService chats;
    private final ChatSessionService sessions;
    private final SendTemplates templates;
    private final JsonMapper json;
    private final FileLimits limits;
    private final MessageSource texts;

    TaskImporter(TaskStore store, ChatService chats, ChatSessionService sessions, SendTemplates templates, JsonMapper json,
            TaskProperties properties, MessageSource texts) {
        this.texts = texts;
        this.limits = properties.fileLimits();
        this.store = store;
        this.chats = chats;
        this.sessions = sessions;
        this.templates = templates;
        this.json = json;
    }

    ImportSummary importFile(long taskId, long companyId, TaskType type, Path file, FileFormat format) {
        try (RowReader reader = RowReader.open(file, format, limits)) {
            FileRow header = firstNonBlank(reader);
            if (header == null) {
                throw new InvalidRequestException(List.of(new Problem("file", "task.file.empty")));
            }
            ColumnLayout layout = ColumnLayout.of(type, header);
            RowChecks checks = new RowChecks(type, new CompanyLookups(companyId, chats, sessions, templates), json);
            Counter counter = new Counter(taskId, checks);
            FileRow row;
            boolean first = true;
            while ((row = reader.next()) != null) {
                boolean description = first && layout.isDescriptionRow(row,
                        column -> texts.getMessage(column.descriptionKey(), null, "", TaskColumn.TEMPLATE_LANGUAGE));
                first = false;
                if (row.blank() || description) {
                    continue;
                }
                counter.add(layout.parse(row));
            }
            counter.flush();
            if (counter.total == 0) {
                throw new InvalidRequestException(List.of(new Problem("file", "task.file.no-rows")));
            }
            Set<Channel> channels = counter.valid == 0 ? Set.of() : checks.channels();
            return new ImportSummary(counter.total, counter.valid, counter.total - counter.valid, channels, layout.ignoredColumns());
        }
        catch (FileLimitExceededException tooBig) {
            throw new InvalidRequestException(List.of(new Problem("file", tooBig.messageKey(), tooBig.arguments())));
        }
        catch (CharacterCodingException notUtf8) {
            throw new InvalidRequestException(List.of(new Problem("file", "task.file.not-utf8")));
        }
        catch (IOException unreadable) {
            throw new InvalidRequestException(List.of(new Problem("file", "task.file.unreadable", String.valueOf(unreadable.getMessage()))));
        }
    }

    private static FileRow firstNonBlank(RowReader reader) throws IOException {
        FileRow row;
        while ((row = reader.next()) != null) {
            if (!row.blank()) {
                return row;
            }
        }
        return null;
    }

    /** Gathers rows into chunks, checks and stores each chunk, and counts. */
    private final class Counter {

        private final long taskId;
        private final RowChecks checks;
        private final SeenDestinations seen = new SeenDestinations();
        private final List<ParsedRow> chunk = new ArrayList<>(CHUNK);
        private int total;
        private int valid;

        Counter(long taskId, RowChecks checks) {
            this.taskId = taskId;
            this.checks = checks;
        }

        void add(ParsedRow row) {
            chunk.add(row);
            total++;
            if (chunk.size() == CHUNK) {
                flush();
            }
        }

        void flush() {
            if (chunk.isEmpty()) {
                return;
            }
            List<CheckedRow> checked = new ArrayList<>(chunk.size());
            List<RowProblem> problems = new ArrayList<>();
            checks.check(chunk, checked, problems);
            List<StoredRow> rows = new ArrayList<>(checked.size());
            for (CheckedRow row : checked) {
                int earlier = seen.firstRowOf(row.duplicateKey(), row.number());
                if (earlier != 0) {
                    problems.add(new RowProblem(row.number(), null, ProblemCode.DUPLICATE, String.valueOf(earlier)));
                    continue;
                }
                rows.add(new StoredRow(row.number(), Strings.cut(row.destination(), 300), json.writeValueAsString(row.row()), null, null,
                        null));
            }
            valid += rows.size();
            if (!rows.isEmpty()) {
                store.insertRows(taskId, rows);
            }
            if (!problems.isEmpty()) {
                problems.sort(Comparator.comparingInt(RowProblem::row));
                store.insertProblems(taskId, problems);
            }
            chunk.clear();
        }
    }
}
