package io.kaskad.task;

import java.util.Locale;

/**
 * A column of a task file: its stable English key, the Russian header of the downloadable template,
 * whether a row must fill it, the message key of its description (in the page's language on the
 * portal; in Russian in the template's second row, as seed 000's template has it) and the example the
 * template's third row shows. A file may head the column with either name, in any case and with any spaces.
 */
public record TaskColumn(String key, String header, boolean required, String descriptionKey, String example) {

    /** The templates' own language (seed 000): their headers and descriptions are Russian whatever the portal's language. */
    static final Locale TEMPLATE_LANGUAGE = Locale.forLanguageTag("ru");

    static TaskColumn required(String key, String header, String descriptionKey, String example) {
        return new TaskColumn(key, header, true, descriptionKey, example);
    }

    static TaskColumn optional(String key, String header, String descriptionKey, String example) {
        return new TaskColumn(key, header, false, descriptionKey, example);
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
