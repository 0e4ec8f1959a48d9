package io.kaskad.common;

/** Small string rules used across modules. */
public final class Strings {

    private Strings() {
    }

    /** Null for a missing or blank value, the value without surrounding whitespace otherwise (what a form or API field means). */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** At most {@code max} characters (an error or a destination kept for display in a column of that size); null stays null. */
    public static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
