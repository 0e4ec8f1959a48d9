package io.kaskad.account;

/** Limits on account fields, shared by the portal forms, the API and the services. */
public final class AccountRules {

    public static final String USERNAME_PATTERN = "[A-Za-z0-9._@-]{3,100}";
    /** BCrypt reads at most 72 bytes; a longer password would be silently cut. */
    public static final int PASSWORD_MIN = 10;
    public static final int PASSWORD_MAX = 72;
    public static final int NAME_MAX = 200;
    public static final int KEY_NAME_MAX = 100;
    public static final int RATE_LIMIT_MIN = 1;
    public static final int RATE_LIMIT_MAX = 10_000;

    private AccountRules() {
    }
}
