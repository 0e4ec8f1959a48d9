package io.kaskad.account;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * OWASP's device cookies: a browser that has signed in as a user gets a cookie naming a random device id, signed
 * (HMAC-SHA256 with a key derived from the {@link PortalKey}) together with the user name. A login that presents a
 * valid device cookie for the user name it tries is counted against that device, not against the user name, so
 * an attacker who guesses passwords for a known user name from elsewhere locks out only the browsers that never
 * signed in as that user, never the user's own. The user name is not readable from the cookie.
 */
@Component
class DeviceCookies {

    static final String NAME = "kaskad_device";
    static final Duration VALIDITY = Duration.ofDays(180);
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    DeviceCookies(PortalKey portalKey) {
        this.key = new SecretKeySpec(hmac(new SecretKeySpec(portalKey.value().getBytes(StandardCharsets.UTF_8), ALGORITHM),
                "kaskad-device-cookie"), ALGORITHM);
    }

    /** The device id of the request's cookie, when the cookie is valid for {@code username}. */
    Optional<String> deviceOf(HttpServletRequest request, String username) {
        if (username == null || request.getCookies() == null) {
            return Optional.empty();
        }
        for (Cookie cookie : request.getCookies()) {
            if (NAME.equals(cookie.getName())) {
                return verified(cookie.getValue(), username);
            }
        }
        return Optional.empty();
    }

    /** Gives the browser a new device cookie for {@code username} after it signed in. */
    void issue(HttpServletRequest request, HttpServletResponse response, String username) {
        byte[] id = new byte[16];
        random.nextBytes(id);
        String device = HexFormat.of().formatHex(id);
        ResponseCookie cookie = ResponseCookie.from(NAME, device + "." + signature(device, username))
            .path(request.getContextPath().isEmpty() ? "/" : request.getContextPath())
            .maxAge(VALIDITY)
            .httpOnly(true)
            .secure(request.isSecure())
            .sameSite("Lax")
            .build();
        response.addHeader("Set-Cookie", cookie.toString());
    }

    private Optional<String> verified(String value, String username) {
        int dot = value == null ? -1 : value.indexOf('.');
        if (dot <= 0 || dot > 64) {
            return Optional.empty();
        }
        String device = value.substring(0, dot);
        byte[] expected = signature(device, username).getBytes(StandardCharsets.US_ASCII);
        byte[] given = value.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? Optional.of(device) : Optional.empty();
    }

    private String signature(String device, String username) {
        String signed = device + "|" + username.strip().toLowerCase(Locale.ROOT);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(key, signed));
    }

    private static byte[] hmac(SecretKeySpec key, String data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is missing from the JVM", e);
        }
    }
}
