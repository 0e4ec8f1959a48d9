package io.kaskad.web;

import java.util.List;

import tools.jackson.core.JacksonException;

/** Writes a Jackson reference path the way validation errors name fields: {@code messages[0].channels.sms}. */
final class JsonPaths {

    private JsonPaths() {
    }

    /** A bean-validation path with map keys in brackets ({@code messages[0].channels[sms].text}) written as a JSON path. */
    static String ofBindingPath(String field) {
        return field.replaceAll("\\[([^\\]0-9][^\\]]*)]", ".$1");
    }

    /** What a JSON value for {@code type} looks like, in words: "a list", "an object", "text"… */
    static String kind(Class<?> type) {
        if (type == null) {
            return null;
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "a list ([…])";
        }
        if (type == String.class || CharSequence.class.isAssignableFrom(type)) {
            return "text (\"…\")";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "a date and time such as \"2026-12-01T09:00:00+03:00\"";
        }
        return "an object ({…})";
    }

    static String of(List<JacksonException.Reference> path) {
        StringBuilder out = new StringBuilder();
        for (JacksonException.Reference reference : path) {
            if (reference.getPropertyName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(reference.getPropertyName());
            }
            else if (reference.getIndex() >= 0) {
                out.append('[').append(reference.getIndex()).append(']');
            }
        }
        return out.toString();
    }
}
