package io.kaskad.task;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Inflates every XML part of an XLSX package once, counting, before the reader opens it: a part
 * that expands beyond {@link FileLimits} (a zip bomb) or holds a text longer than a cell may be is
 * refused, having cost at most the limit in time and a buffer in memory. The sizes a zip declares
 * are not trusted; the bytes are counted. The same zip library as the reader's (Commons Compress)
 * reads the package, so both see the same parts.
 */
final class XlsxPackageCheck {

    private static final int MAX_PARTS = 10_000;

    private XlsxPackageCheck() {
    }

    static void check(Path file, FileLimits limits) throws IOException {
        try (ZipFile zip = ZipFile.builder().setFile(file.toFile()).get()) {
            int parts = 0;
            for (Enumeration<ZipArchiveEntry> entries = zip.getEntries(); entries.hasMoreElements();) {
                ZipArchiveEntry entry = entries.nextElement();
                if (++parts > MAX_PARTS) {
                    throw new FileLimitExceededException("task.file.limit.parts", MAX_PARTS);
                }
                String name = entry.getName().toLowerCase(Locale.ROOT);
                if (entry.isDirectory() || !(name.endsWith(".xml") || name.endsWith(".rels"))) {
                    continue; // pictures and other binary parts are never read
                }
                boolean sheet = name.startsWith("xl/worksheets/");
                long limit = sheet ? limits.maxSheetBytes() : limits.maxSharedStringsBytes();
                try (InputStream in = zip.getInputStream(entry)) {
                    scan(in, limit, limits, sheet);
                }
            }
        }
    }

    /** Reads one part to its end, refusing it past {@code limit} bytes or at a text run no cell can hold. */
    private static void scan(InputStream in, long limit, FileLimits limits, boolean sheet) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        long run = 0;
        long maxRun = limits.maxCellXmlBytes();
        int read;
        while ((read = in.read(buffer)) != -1) {
            total += read;
            if (total > limit) {
                throw sheet ? new FileLimitExceededException("task.file.limit.sheet", megabytes(limit))
                        : new FileLimitExceededException("task.file.limit.strings", megabytes(limit));
            }
            for (int i = 0; i < read; i++) {
                // XML text and attribute values never hold a raw '<': the longest run between two is the longest text
                if (buffer[i] == '<') {
                    run = 0;
                }
                else if (++run > maxRun) {
                    throw new FileLimitExceededException("task.file.limit.cell", limits.maxCellLength());
                }
            }
        }
    }

    private static long megabytes(long bytes) {
        return bytes / (1024 * 1024);
    }
}
