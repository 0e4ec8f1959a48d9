package io.kaskad.message;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

import io.kaskad.common.Formats;

/** Fills {@code {name}} placeholders from a destination's variables. */
public final class Texts {


    private Texts() {
    }

    /** The placeholders of {@code text} that {@code variables} does not fill. */
    public static Set<String> missing(String text, Map<String, Object> variables) {
        Set<String> missing = new LinkedHashSet<>();
        if (text != null) {
            Matcher matcher = Formats.PLACEHOLDER.matcher(text);
            while (matcher.find()) {
                if (variables == null || variables.get(matcher.group(1)) == null) {
                    missing.add(matcher.group(1));
                }
            }
        }
        return missing;
    }

    static String fill(String text, Map<String, Object> variables) {
        if (text == null || variables == null || variables.isEmpty()) {
            return text;
        }
        Matcher matcher = Formats.PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            Object value = variables.get(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? matcher.group() : value.toString()));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
