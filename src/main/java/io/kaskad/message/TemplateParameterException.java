package io.kaskad.message;

import java.util.List;

/** A WhatsApp template's {@code templateData} lacks parameters its body uses. */
public class TemplateParameterException extends RuntimeException {

    private final List<String> missing;

    public TemplateParameterException(List<String> missing) {
        super("templateData lacks parameters " + missing);
        this.missing = List.copyOf(missing);
    }

    public List<String> missing() {
        return missing;
    }
}
