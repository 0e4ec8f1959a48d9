package io.kaskad.account;

/** What a user may do: {@code CLIENT} works for one company, {@code ADMIN} runs the platform. */
public enum Role {
    CLIENT, ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
