package io.kaskad.notice;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kaskad.mail.*}: the sender of Kaskad's e-mails and the portal's address for links in them.
 * The SMTP server itself is Spring Boot's {@code spring.mail.*}; without {@code spring.mail.host} no
 * e-mail is sent (notices still appear in the portal).
 */
@ConfigurationProperties("kaskad.mail")
record MailProperties(@DefaultValue("kaskad@localhost") String from, @DefaultValue("http://localhost:8080") String portalUrl) {
}
