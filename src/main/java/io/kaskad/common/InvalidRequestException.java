package io.kaskad.common;

import java.util.List;

/**
 * A request that breaks rules no annotation can express. Each problem names the field by its path in
 * the request ({@code messages[0].channels.vk.attachments}) and a message key with its arguments.
 */
public class InvalidRequestException extends RuntimeException {

    private final List<Problem> problems;

    public InvalidRequestException(List<Problem> problems) {
        super(problems.toString());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    public record Problem(String field, String messageCode, Object... args) {

        @Override
        public String toString() {
            return field + ": " + messageCode;
        }
    }
}
