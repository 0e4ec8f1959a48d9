package io.kaskad.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded data folder and its files are its owner's only, from the moment they exist. */
class PrivateDataFolderTests {

    @TempDir
    Path temp;

    @Test
    void aNewFolderIsOwnerOnlyAndItsDatabaseFileExistsOwnerOnlyBeforeTheDatabaseOpensIt() throws IOException {
        Path folder = temp.resolve("data");

        PrivateDataFolder.prepare(folder, folder.resolve("kaskad.mv.db"));

        assertThat(permissions(folder)).isEqualTo("rwx------");
        assertThat(Files.size(folder.resolve("kaskad.mv.db"))).isZero();
        assertThat(permissions(folder.resolve("kaskad.mv.db"))).isEqualTo("rw-------");
    }

    @Test
    void aFolderMadeBeforeTheRuleIsClosedOnTheNextStartWithEveryFileInIt() throws IOException {
        Path folder = Files.createDirectory(temp.resolve("old"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Path database = Files.writeString(folder.resolve("kaskad.mv.db"), "stored data");
        Path trace = Files.writeString(folder.resolve("kaskad.trace.db"), "trace");
        Files.setPosixFilePermissions(database, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(trace, PosixFilePermissions.fromString("rw-rw-rw-"));

        PrivateDataFolder.prepare(folder, database);

        assertThat(permissions(folder)).isEqualTo("rwx------");
        assertThat(permissions(database)).isEqualTo("rw-------");
        assertThat(permissions(trace)).isEqualTo("rw-------");
        assertThat(Files.readString(database)).isEqualTo("stored data");
    }

    @Test
    void aFileCreatedPrivateIsOwnerOnlyWhateverTheUmask() throws IOException {
        Path key = temp.resolve("secrets.key");

        PrivateDataFolder.createPrivateFile(key);

        assertThat(permissions(key)).isEqualTo("rw-------");
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
