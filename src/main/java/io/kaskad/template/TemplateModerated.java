package io.kaskad.template;

/**
 * Published when a moderator approves or rejects a template, for the client's e-mail and portal notice.
 *
 * @param notifyEmail for mail.ru templates, the e-mail given in the template
 */
public record TemplateModerated(long companyId, String templateId, TemplateType type, String name, boolean approved,
        String reason, String notifyEmail) {
}
