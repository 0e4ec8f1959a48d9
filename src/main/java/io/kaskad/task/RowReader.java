package io.kaskad.task;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads an uploaded file row by row, never holding more than the current row. */
interface RowReader extends Closeable {

    /** The next row, or null at the end of the file. */
    FileRow next() throws IOException;

    /**
     * Opens {@code file} by what its bytes are, not its name: XLSX is a zip, anything else is read as
     * CSV. Either is held to {@code limits}; an XLSX package is checked whole before it is opened.
     */
    static RowReader open(Path file, FileFormat format, FileLimits limits) throws IOException {
        if (format == FileFormat.XLSX) {
            XlsxPackageCheck.check(file, limits);
            return new LimitedRowReader(new XlsxRowReader(file), limits);
        }
        return new LimitedRowReader(new CsvRowReader(Files.newInputStream(file), limits), limits);
    }
}
