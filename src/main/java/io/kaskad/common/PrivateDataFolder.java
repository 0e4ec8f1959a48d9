package io.kaskad.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The embedded mode's data folder ({@code kaskad.data-dir}) is readable by its owner only, before anything is
 * written into it: the folder 0700, the database file and H2's trace file 0600 from the moment they exist (created
 * empty, which H2 takes for a new database and an empty trace), and every file already in it 0600 on each start,
 * for folders made before this rule.
 * The secrets key file is made 0600 by {@code SecretBox} in the same way. Runs before any bean is created,
 * registered in {@code META-INF/spring.factories}; does nothing unless the datasource is an H2 file in that folder,
 * and nothing on a file system without POSIX permissions.
 */
public class PrivateDataFolder implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    public static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final String H2_FILE = "jdbc:h2:file:";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        String dataDir = environment.getProperty("kaskad.data-dir");
        String url = environment.getProperty("spring.datasource.url", "");
        if (dataDir == null || dataDir.isBlank() || !url.startsWith(H2_FILE)) {
            return;
        }
        String database = url.substring(H2_FILE.length()).split(";", 2)[0];
        prepare(Path.of(dataDir), Path.of(database + ".mv.db"), Path.of(database + ".trace.db"));
    }

    /** Makes {@code folder} private and creates the database's files (those inside it) empty and private. */
    static void prepare(Path folder, Path... databaseFiles) {
        if (!posix(folder.toAbsolutePath().getRoot())) {
            return;
        }
        try {
            createPrivateFolder(folder);
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    if (Files.isRegularFile(file)) {
                        Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
                    }
                }
            }
            for (Path databaseFile : databaseFiles) {
                if (databaseFile.toAbsolutePath().normalize().startsWith(folder.toAbsolutePath().normalize())) {
                    createPrivateFile(databaseFile);
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot make the data folder " + folder.toAbsolutePath() + " private", e);
        }
    }

    /** Creates {@code file} empty with permissions 0600 from the start, unless it exists. */
    public static void createPrivateFile(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
            // the umask may have taken bits away, never added any; set them exactly
            Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
        }
        catch (FileAlreadyExistsException exists) {
            // a database or key made before: prepare() has made it private
        }
        catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
    }

    private static void createPrivateFolder(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            Path parent = folder.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER));
        }
        Files.setPosixFilePermissions(folder, OWNER_ONLY_FOLDER);
    }

    private static boolean posix(Path root) {
        return root != null && root.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
