package io.kaskad.task;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** The formats a task file may come in, told apart by the file's first bytes. */
enum FileFormat {
    XLSX, CSV, XLS;

    private static final byte[] ZIP = { 'P', 'K', 3, 4 };
    private static final byte[] OLE2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0 };

    static FileFormat of(Path file) throws IOException {
        byte[] head = new byte[4];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, 4);
        }
        if (read == 4 && Arrays.equals(head, ZIP)) {
            return XLSX;
        }
        if (read == 4 && Arrays.equals(head, OLE2)) {
            return XLS;
        }
        return CSV;
    }
}
