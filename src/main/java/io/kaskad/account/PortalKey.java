package io.kaskad.account;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.kaskad.common.PrivateDataFolder;

/**
 * The secret that signs the portal's cookies: Spring Security's remember-me tokens and the device cookies of
 * {@link DeviceCookies}. {@code kaskad.security.remember-me-key} (the same on every node, at least
 * {@value #MIN_LENGTH} characters); left empty, the embedded mode makes one in {@code kaskad.data-dir/portal.key}
 * (0600) on its first start, and the {@code mysql} profile refuses to start, saying which property to set: a
 * built-in key would let anyone who has read the source sign a device cookie.
 */
@Component
class PortalKey {

    static final int MIN_LENGTH = 32;
    private static final Logger log = LoggerFactory.getLogger(PortalKey.class);

    private final String value;

    PortalKey(@Value("${kaskad.security.remember-me-key:}") String configured,
            @Value("${kaskad.security.key-file:${kaskad.data-dir}/portal.key}") Path keyFile,
            @Value("${kaskad.security.create-key-file:false}") boolean createKeyFile) {
        String key = configured.isBlank() ? fromFile(keyFile, createKeyFile) : configured.strip();
        if (key.length() < MIN_LENGTH) {
            throw new IllegalStateException("kaskad.security.remember-me-key (KASKAD_SECURITY_REMEMBER_ME_KEY) must be at least "
                    + MIN_LENGTH + " characters: it signs the portal's remember-me and device cookies");
        }
        this.value = key;
    }

    String value() {
        return value;
    }

    private static String fromFile(Path keyFile, boolean create) {
        try {
            if (Files.exists(keyFile)) {
                return Files.readString(keyFile, StandardCharsets.US_ASCII).strip();
            }
            if (!create) {
                throw new IllegalStateException("Set KASKAD_SECURITY_REMEMBER_ME_KEY (kaskad.security.remember-me-key): at least " + MIN_LENGTH
                        + " random characters, the same on every node; it signs the portal's remember-me and device cookies");
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String generated = HexFormat.of().formatHex(random);
            Files.createDirectories(keyFile.toAbsolutePath().getParent());
            PrivateDataFolder.createPrivateFile(keyFile);
            Files.writeString(keyFile, generated, StandardCharsets.US_ASCII);
            log.info("Created the key that signs the portal's cookies: {}", keyFile.toAbsolutePath());
            return generated;
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the portal key file " + keyFile, e);
        }
    }
}
