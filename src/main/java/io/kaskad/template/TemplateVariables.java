package io.kaskad.template;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;

import io.kaskad.common.Formats;

/** The {@code {name}} variables a text uses, in order of first use: what the editor lists. */
public final class TemplateVariables {


    private TemplateVariables() {
    }

    public static Set<String> of(String... texts) {
        Set<String> names = new LinkedHashSet<>();
        for (String text : texts) {
            if (text != null) {
                Matcher matcher = Formats.PLACEHOLDER.matcher(text);
                while (matcher.find()) {
                    names.add(matcher.group(1));
                }
            }
        }
        return names;
    }
}
