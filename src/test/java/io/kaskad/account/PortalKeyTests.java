package io.kaskad.account;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The key of the portal's cookies: given, made once in the embedded data folder, or the start is refused. */
class PortalKeyTests {

    @TempDir
    Path data;

    @Test
    void withoutAKeyAndWithoutAKeyFileTheStartIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> new PortalKey("", data.resolve("portal.key"), false))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("KASKAD_SECURITY_REMEMBER_ME_KEY")
            .hasMessageContaining("kaskad.security.remember-me-key");
        assertThat(data.resolve("portal.key")).doesNotExist();
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatThrownBy(() -> new PortalKey("kaskad-remember-me", data.resolve("portal.key"), true))
            .hasMessageContaining("at least 32 characters");
    }

    @Test
    void theEmbeddedModeMakesAPrivateKeyOnceAndKeepsIt() throws IOException {
        Path file = data.resolve("portal.key");
        String first = new PortalKey("", file, true).value();

        assertThat(first).hasSize(64);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(new PortalKey("", file, true).value()).isEqualTo(first);
        assertThat(new PortalKey("a-key-of-the-operator-0123456789abcdef", file, true).value()).isEqualTo("a-key-of-the-operator-0123456789abcdef");
    }
}
