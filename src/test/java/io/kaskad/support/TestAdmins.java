package io.kaskad.support;

/** The platform admin every test context creates through the bootstrap properties of application-test.properties. */
public final class TestAdmins {

    public static final String USERNAME = "test-admin";
    public static final String PASSWORD = "admin-password";

    private TestAdmins() {
    }
}
