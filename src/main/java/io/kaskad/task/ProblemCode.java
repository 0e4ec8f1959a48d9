package io.kaskad.task;

/** Why a row of a task file cannot be sent; each has a message {@code task.problem.<CODE>} a person can act on. */
public enum ProblemCode {
    REQUIRED, BAD_PHONE, BAD_EMAIL, BAD_BOOLEAN, BAD_VARIABLES, TOO_LONG, UNKNOWN_CHAT_SESSION, UNKNOWN_CHAT, UNKNOWN_TEMPLATE,
    UNAPPROVED_TEMPLATE, UNKNOWN_PROVIDER, UNKNOWN_CHANNEL, UNKNOWN_MESSENGER, NO_ADDRESS, MISSING_VARIABLE, DUPLICATE;

    public String messageKey() {
        return "task.problem." + name();
    }
}
