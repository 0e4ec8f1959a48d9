package io.kaskad.provider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.encrypt.TextEncryptor;
import org.springframework.stereotype.Component;

import io.kaskad.common.PrivateDataFolder;
import io.kaskad.common.Sha256;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Encrypts connection secrets at rest with Spring Security's AES-256-GCM text encryptor (a key
 * derived by PBKDF2 from {@code KASKAD_SECRETS_KEY}, a random IV per value). The embedded mode makes a
 * random key in its data folder on first start; the {@code mysql} profile requires the environment
 * variable, so that every node of a cluster reads the same secrets.
 */
@Component
class SecretBox {

    private static final Logger log = LoggerFactory.getLogger(SecretBox.class);
    static final int MIN_KEY_LENGTH = 32;

    private final TextEncryptor encryptor;
    private final JsonMapper json;

    SecretBox(@Value("${kaskad.secrets.key:}") String key, @Value("${kaskad.secrets.key-file:${kaskad.data-dir}/secrets.key}") Path keyFile,
            @Value("${kaskad.secrets.create-key-file:true}") boolean createKeyFile, JsonMapper json) {
        String secret = key.isBlank() ? fromFile(keyFile, createKeyFile) : key.strip();
        if (secret.length() < MIN_KEY_LENGTH) {
            throw new IllegalStateException("KASKAD_SECRETS_KEY must be at least " + MIN_KEY_LENGTH + " characters");
        }
        // the salt is fixed per key: the key itself is random, and a stored value carries its own random IV
        String salt = Sha256.hex("kaskad-secrets-salt:" + secret).substring(0, 32);
        this.encryptor = Encryptors.delux(secret, salt);
        this.json = json;
    }

    String seal(Map<String, String> secrets) {
        return secrets.isEmpty() ? null : encryptor.encrypt(json.writeValueAsString(secrets));
    }

    Map<String, String> open(String sealed) {
        return sealed == null ? Map.of() : json.readValue(encryptor.decrypt(sealed), new TypeReference<Map<String, String>>() { });
    }

    private static String fromFile(Path keyFile, boolean create) {
        try {
            if (Files.exists(keyFile)) {
                return Files.readString(keyFile, StandardCharsets.US_ASCII).strip();
            }
            if (!create) {
                throw new IllegalStateException("Set KASKAD_SECRETS_KEY (at least " + MIN_KEY_LENGTH
                        + " random characters, the same on every node): provider passwords are encrypted with it");
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String generated = HexFormat.of().formatHex(random);
            Files.createDirectories(keyFile.toAbsolutePath().getParent());
            // 0600 before the key is written into it, not after (on Windows the data folder's own permissions protect it)
            PrivateDataFolder.createPrivateFile(keyFile);
            Files.writeString(keyFile, generated, StandardCharsets.US_ASCII);
            log.info("Created the key that encrypts provider secrets: {} (back it up with the database)", keyFile.toAbsolutePath());
            return generated;
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the secrets key file " + keyFile, e);
        }
    }
}
