package io.kaskad.task;

import java.util.Locale;

/**
 * A column of a task file: its stable English key, the Russian header of the downloadable template,
 * whether a row must fill it, and the description and example the template's second and third rows
 * show. A file may head the column with either name, in any case and with any spaces.
 */
public record TaskColumn(String key, String header, boolean required, String description, String example) {

    static TaskColumn required(String key, String header, String description, String example) {
        return new TaskColumn(key, header, true, description, example);
    }

    static TaskColumn optional(String key, String header, String description, String example) {
        return new TaskColumn(key, header, false, description, example);
    }

    /** Whether a file's header cell names this column. */
    boolean matches(String headerCell) {
        String cell = normalize(headerCell);
        return cell.equals(normalize(key)) || cell.equals(normalize(header));
    }

    static String normalize(String name) {
        return name == null ? "" : name.replaceAll("\\s+", "").replace("\u00a0", "").toLowerCase(Locale.ROOT).replace('ё', 'е');
    }
}
