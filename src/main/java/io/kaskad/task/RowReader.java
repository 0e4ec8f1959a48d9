package io.kaskad.task;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads an uploaded file row by row, never holding more than the current row. */
interface RowReader extends Closeable {

    /** The next row, or null at the end of the file. */
    FileRow next() throws IOException;

    /** Opens {@code file} by what its bytes are, not its name: XLSX is a zip, anything else is read as CSV. */
    static RowReader open(Path file, FileFormat format) throws IOException {
        return format == FileFormat.XLSX ? new XlsxRowReader(file) : new CsvRowReader(Files.newInputStream(file));
    }
}
