package io.kaskad.task;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code kaskad.task.*}: the largest task file accepted (a million-row XLSX is about 20 MB; the
 * multipart limit must be above this, so that the answer is this module's clear one).
 */
@ConfigurationProperties("kaskad.task")
record TaskProperties(@DefaultValue("100MB") DataSize maxFileSize) {
}
