/**
 * What a company is told about decisions made for it (template moderation, for now): notices in the
 * portal, and e-mails through Spring's mail support when an SMTP server is configured.
 */
package io.kaskad.notice;
