package io.kaskad.task;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code kaskad.task.*}: the largest task file accepted (a million-row XLSX is about 20 MB; the
 * multipart limit must be above this, so that the answer is this module's clear one), and what the
 * file may expand to when it is read ({@link FileLimits}).
 */
@ConfigurationProperties("kaskad.task")
record TaskProperties(@DefaultValue("100MB") DataSize maxFileSize, @DefaultValue("2GB") DataSize maxSheetSize,
        @DefaultValue("64MB") DataSize maxSharedStringsSize, @DefaultValue("32767") int maxCellLength,
        @DefaultValue("1048576") int maxRows, @DefaultValue("1000") int maxEmptyRows, @DefaultValue("200") int maxColumns) {

    /** The default limits with another largest file. */
    static TaskProperties withMaxFileSize(DataSize maxFileSize) {
        FileLimits limits = FileLimits.DEFAULT;
        return new TaskProperties(maxFileSize, DataSize.ofBytes(limits.maxSheetBytes()), DataSize.ofBytes(limits.maxSharedStringsBytes()),
                limits.maxCellLength(), limits.maxRows(), limits.maxEmptyRows(), limits.maxColumns());
    }

    FileLimits fileLimits() {
        return new FileLimits(maxSheetSize.toBytes(), maxSharedStringsSize.toBytes(), maxCellLength, maxRows, maxEmptyRows, maxColumns);
    }
}
