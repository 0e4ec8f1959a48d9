package io.kaskad.task;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.kaskad.common.InvalidRequestException;
import io.kaskad.common.InvalidRequestException.Problem;

/**
 * Which column of a file is which, from its header row: a type's column by its Russian header or
 * English key; another non-empty header is a variable (notification tasks) or ignored. A file that
 * lacks a required column, or names one twice, is refused before any row is read.
 */
final class ColumnLayout {

    private final TaskType type;
    private final Map<Integer, TaskColumn> columns = new HashMap<>();
    private final Map<Integer, String> variables = new LinkedHashMap<>();
    private final List<String> ignored = new ArrayList<>();

    private ColumnLayout(TaskType type) {
        this.type = type;
    }

    static ColumnLayout of(TaskType type, FileRow header) {
        ColumnLayout layout = new ColumnLayout(type);
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < header.cells().size(); i++) {
            String cell = header.cell(i);
            if (cell.isBlank()) {
                continue;
            }
            TaskColumn column = type.columns().stream().filter(c -> c.matches(cell)).findFirst().orElse(null);
            if (column == null) {
                if (type.takesExtraColumnsAsVariables()) {
                    layout.variables.put(i, cell.trim());
                }
                else {
                    layout.ignored.add(cell.trim());
                }
                continue;
            }
            if (seen.putIfAbsent(column.key(), i) != null) {
                problems.add(new Problem("file", "task.file.column.twice", column.header(), column.key()));
                continue;
            }
            layout.columns.put(i, column);
        }
        List<String> missing = type.columns().stream()
            .filter(c -> c.required() && !seen.containsKey(c.key()))
            .map(c -> c.header() + " (" + c.key() + ")")
            .toList();
        if (!missing.isEmpty()) {
            problems.add(new Problem("file", "task.file.columns.missing", String.join(", ", missing)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return layout;
    }

    /** The row's values by column key (blank cells left out) and its variables by header. */
    ParsedRow parse(FileRow row) {
        Map<String, String> values = new HashMap<>();
        columns.forEach((index, column) -> {
            String value = row.cell(index);
            if (!value.isBlank()) {
                values.put(column.key(), value);
            }
        });
        Map<String, String> extra = variables.isEmpty() ? Map.of() : new LinkedHashMap<>();
        variables.forEach((index, name) -> {
            String value = row.cell(index);
            if (!value.isBlank()) {
                extra.put(name, value);
            }
        });
        return new ParsedRow(row.number(), values, extra);
    }

    /**
     * Whether the row is the template's second row, the one describing each column: a client who
     * fills the template in and keeps it is not sending to it.
     */
    boolean isDescriptionRow(FileRow row, java.util.function.Function<TaskColumn, String> description) {
        return columns.entrySet().stream()
            .map(e -> java.util.Map.entry(e.getKey(), description.apply(e.getValue())))
            .anyMatch(e -> !e.getValue().isBlank() && e.getValue().equals(row.cell(e.getKey())));
    }

    List<String> ignoredColumns() {
        return ignored;
    }

    TaskType type() {
        return type;
    }

    record ParsedRow(int number, Map<String, String> values, Map<String, String> extraVariables) {

        String value(String key) {
            return values.get(key);
        }
    }
}
