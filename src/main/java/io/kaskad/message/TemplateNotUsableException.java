package io.kaskad.message;

/**
 * A send names a template that cannot be used: unknown to the company, or not approved (answered 422
 * naming the template and its state). {@code state} is null when the template does not exist.
 */
public class TemplateNotUsableException extends RuntimeException {

    private final String field;
    private final String template;
    private final String state;

    public TemplateNotUsableException(String field, String template, String state) {
        super(state == null ? "Template '" + template + "' does not exist"
                : "Template '" + template + "' is " + state + ": only an approved template can be used for sending");
        this.field = field;
        this.template = template;
        this.state = state;
    }

    public String field() {
        return field;
    }

    public String template() {
        return template;
    }

    public String state() {
        return state;
    }
}
