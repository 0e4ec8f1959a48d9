package io.kaskad.notice;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.kaskad.account.CompanyService;
import io.kaskad.common.LogSafe;
import io.kaskad.template.TemplateModerated;

/**
 * E-mails a moderation decision once it is committed: to the company's notification e-mail, and for
 * mail.ru templates to the e-mail given in the template (seed 000). A mail server that is down costs
 * the e-mail, never the decision.
 */
@Component
class ModerationMail {

    private static final Logger log = LoggerFactory.getLogger(ModerationMail.class);
    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    private final ObjectProvider<JavaMailSender> mailSender;
    private final CompanyService companies;
    private final MessageSource texts;
    private final MailProperties properties;

    ModerationMail(ObjectProvider<JavaMailSender> mailSender, CompanyService companies, MessageSource texts, MailProperties properties) {
        this.mailSender = mailSender;
        this.companies = companies;
        this.texts = texts;
        this.properties = properties;
    }

    @TransactionalEventListener
    void on(TemplateModerated decision) {
        JavaMailSender sender = mailSender.getIfAvailable();
        Set<String> recipients = new LinkedHashSet<>();
        String companyEmail = companies.get(decision.companyId()).notificationEmail();
        if (companyEmail != null) {
            recipients.add(companyEmail);
        }
        if (decision.notifyEmail() != null) {
            recipients.add(decision.notifyEmail());
        }
        if (sender == null || recipients.isEmpty()) {
            log.info("No e-mail for the decision on template '{}': {}", LogSafe.of(decision.name()),
                    sender == null ? "spring.mail.host is not set" : "the company has no notification e-mail");
            return;
        }
        String outcome = decision.approved() ? "approved" : "rejected";
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(properties.from());
        mail.setTo(recipients.toArray(String[]::new));
        mail.setSubject(texts.getMessage("mail.template." + outcome + ".subject", new Object[] { decision.name() }, RUSSIAN));
        mail.setText(texts.getMessage("mail.template." + outcome + ".text", new Object[] { decision.name(),
                decision.reason() == null ? "" : decision.reason(), properties.portalUrl() + "/templates/" + decision.templateId() },
                RUSSIAN));
        try {
            sender.send(mail);
        }
        catch (MailException failed) {
            log.warn("Could not e-mail the decision on template '{}' to {}", LogSafe.of(decision.name()), LogSafe.of(recipients), failed);
        }
    }
}
