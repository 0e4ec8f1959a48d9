package io.kaskad.common;

/** A {@link PublicUrl} configured as {@code kaskad.public-url} would be, for unit tests outside the package. */
public final class PublicUrlForTests {

    private PublicUrlForTests() {
    }

    public static PublicUrl of(String configured) {
        return new PublicUrl(configured);
    }
}
