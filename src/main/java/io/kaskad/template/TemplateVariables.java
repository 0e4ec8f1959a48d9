package io.kaskad.template;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code {name}} variables a text uses, in order of first use: what the editor lists. */
public final class TemplateVariables {

    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_.-]*)}");

    private TemplateVariables() {
    }

    public static Set<String> of(String... texts) {
        Set<String> names = new LinkedHashSet<>();
        for (String text : texts) {
            if (text != null) {
                Matcher matcher = VARIABLE.matcher(text);
                while (matcher.find()) {
                    names.add(matcher.group(1));
                }
            }
        }
        return names;
    }
}
