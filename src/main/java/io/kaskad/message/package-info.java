/**
 * Messages and their cascade: the send API, one message per destination with one attempt per
 * channel, the cascade rules ({@link io.kaskad.message.Cascade}), cancel, and the dispatcher that
 * the Quartz jobs of the dispatch module drive.
 */
package io.kaskad.message;
