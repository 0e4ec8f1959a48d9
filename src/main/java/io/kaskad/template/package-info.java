/**
 * Templates: notification templates (a whole notification, referenced by {@code templateId}),
 * WhatsApp templates and mail.ru (VK/OK) templates (referenced by {@code templateName}), their
 * versions and the moderation lifecycle: {@code DRAFT → ON_MODERATION → APPROVED | REJECTED}.
 * Implements the message module's {@link io.kaskad.message.SendTemplates} port.
 */
package io.kaskad.template;
