package io.kaskad.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.kaskad.common.InvalidRequestException;
import io.kaskad.common.InvalidRequestException.Problem;

/**
 * What a portal password must be: at least {@link AccountRules#PASSWORD_MIN} characters, not the
 * user name, and not one of the 100,000 most common passwords (the list that the nbvcxz password
 * strength library ships, read from its jar; any case). Checked by the forms, to show the reason at
 * the field, and again by the services that store a password.
 */
@Component
public class PasswordPolicy {

    private static final String COMMON_PASSWORDS = "/dictionaries/passwords.txt";

    /** Only the entries long enough to pass the length rule: the shorter ones are refused anyway. */
    private final Set<String> common = load();

    /** The message code of what is wrong with the password, if anything. */
    public Optional<String> problem(String username, String password) {
        if (password == null || password.length() < AccountRules.PASSWORD_MIN) {
            return Optional.of("user.password.too-short");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank() && lower.contains(username.strip().toLowerCase(Locale.ROOT))) {
            return Optional.of("user.password.username");
        }
        if (common.contains(lower)) {
            return Optional.of("user.password.common");
        }
        return Optional.empty();
    }

    /** Refuses the password with a 400 naming {@code field}. */
    void require(String field, String username, String password) {
        problem(username, password).ifPresent(code -> {
            throw new InvalidRequestException(List.of(new Problem(field, code, AccountRules.PASSWORD_MIN)));
        });
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_PASSWORDS)) {
            if (in == null) {
                throw new IllegalStateException("nbvcxz's " + COMMON_PASSWORDS + " is missing from the class path");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = lines.readLine()) != null) {
                String word = line.strip().toLowerCase(Locale.ROOT);
                if (word.length() >= AccountRules.PASSWORD_MIN) {
                    words.add(word);
                }
            }
        }
        catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        return words;
    }
}
