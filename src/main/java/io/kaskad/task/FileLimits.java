package io.kaskad.task;

/**
 * What reading one task file may cost, whatever the file claims: an XLSX is a zip, and 600 KB of it
 * can expand to gigabytes. The sheet is streamed, so its size only costs time; the shared strings are
 * held in memory while the sheet is read; a cell is held whole. Rows beyond the sheet's limit and long
 * runs of empty rows stop the read (a file of millions of empty rows would hold a request thread for
 * minutes). Defaults accept a 100 MB file of a million rows, and Excel's own limits (32,767
 * characters a cell, 1,048,576 rows a sheet).
 *
 * @param maxSheetBytes uncompressed size of a worksheet part
 * @param maxSharedStringsBytes uncompressed size of the shared strings and of every other XML part
 * @param maxCellLength characters of one cell
 * @param maxRows rows of the sheet, header included
 * @param maxEmptyRows empty rows one after another
 * @param maxColumns cells of one row
 */
record FileLimits(long maxSheetBytes, long maxSharedStringsBytes, int maxCellLength, int maxRows, int maxEmptyRows, int maxColumns) {

    /** Defaults, for tests and tools that build a reader without the application's properties. */
    static final FileLimits DEFAULT = new FileLimits(2L << 30, 64L << 20, 32_767, 1_048_576, 1_000, 200);

    /** Bytes of XML one cell's text can take at most: UTF-8 takes up to 4 a character, an entity up to 6. */
    long maxCellXmlBytes() {
        return 6L * maxCellLength + 1_024;
    }
}
