package io.kaskad.provider.smtp;

import java.io.UnsupportedEncodingException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Properties;
import java.util.UUID;

import javax.net.ssl.SSLException;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import io.kaskad.channel.OutboundMessage;
import io.kaskad.channel.SendOutcome;
import io.kaskad.provider.ConnectionDetails;
import io.kaskad.provider.ProviderClient;
import io.kaskad.provider.ProviderNetwork;
import io.kaskad.provider.ProviderType;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

/**
 * E-mail over a company's own SMTP server (Jakarta Mail). The server's acceptance after DATA is all
 * SMTP tells, so it counts as delivery; the provider id is the {@code Message-ID}. A 5xx at RCPT means
 * the mailbox does not exist ({@code NO_ACCOUNT}); another 5xx refuses the message; 4xx, refused
 * connections and failed logins are transient (the next connection, or a later try); a timeout once
 * the message may have been handed over is an unknown outcome, never resent.
 */
@Component
class SmtpClient implements ProviderClient {

    private static final Logger log = LoggerFactory.getLogger(SmtpClient.class);

    private final ProviderNetwork network;

    SmtpClient(ProviderNetwork network) {
        this.network = network;
    }

    @Override
    public ProviderType type() {
        return ProviderType.SMTP;
    }

    @Override
    public boolean reportsDelivery() {
        return false;
    }

    @Override
    public SendOutcome send(ConnectionDetails connection, OutboundMessage message) {
        Session session = session(connection);
        MimeMessage mail;
        try {
            mail = compose(session, connection, message);
        }
        catch (MessagingException | UnsupportedEncodingException | IllegalArgumentException e) {
            return SendOutcome.failed("INVALID_MESSAGE", "The e-mail cannot be composed: " + e.getMessage());
        }
        Transport transport;
        try {
            if (!network.allowed(connection.setting("host"))) {
                return SendOutcome.transientFailure("PRIVATE_NETWORK",
                        "The connection's host is on a private network, which this installation refuses");
            }
            transport = session.getTransport();
            transport.connect(connection.setting("host"), connection.number("port"), connection.setting("username"),
                    connection.secret("password"));
        }
        catch (AuthenticationFailedException e) {
            return SendOutcome.transientFailure("AUTH_FAILED", "The SMTP server refused the user name or password");
        }
        catch (MessagingException | UnknownHostException e) {
            // nothing was handed over yet: safe to try another connection or later
            return SendOutcome.transientFailure("CONNECTION_FAILED", describe(e));
        }
        try {
            transport.sendMessage(mail, mail.getAllRecipients());
            return SendOutcome.accepted(mail.getMessageID());
        }
        catch (SendFailedException e) {
            return refused(e);
        }
        catch (MessagingException e) {
            if (hasCause(e, SocketTimeoutException.class)) {
                return SendOutcome.unknown("PROVIDER_TIMEOUT", "The SMTP server did not answer in time after the message was sent");
            }
            return SendOutcome.transientFailure("CONNECTION_LOST", describe(e));
        }
        finally {
            try {
                transport.close();
            }
            catch (MessagingException e) {
                log.debug("QUIT failed on SMTP connection {}", connection.id(), e);
            }
        }
    }

    @Override
    public CheckResult check(ConnectionDetails connection) {
        String host = connection.setting("host");
        try {
            if (!network.allowed(host)) {
                return CheckResult.failed("private-network", host);
            }
            try (Transport transport = session(connection).getTransport()) {
                transport.connect(host, connection.number("port"), connection.setting("username"), connection.secret("password"));
                return CheckResult.passed(host + ":" + connection.number("port"));
            }
        }
        catch (UnknownHostException e) {
            return CheckResult.failed("unknown-host", host);
        }
        // the address only, never the exception's text: it may carry whatever bytes the peer sent, and a check must not
        // read out the banner of any port it is pointed at
        catch (AuthenticationFailedException e) {
            return CheckResult.failed("auth", host + ":" + connection.number("port"));
        }
        catch (MessagingException e) {
            return CheckResult.failed(checkProblem(e), host + ":" + connection.number("port"));
        }
    }

    private static String checkProblem(MessagingException e) {
        if (hasCause(e, UnknownHostException.class)) {
            return "unknown-host";
        }
        if (hasCause(e, ConnectException.class)) {
            return "refused";
        }
        if (hasCause(e, SocketTimeoutException.class)) {
            return "timeout";
        }
        if (hasCause(e, SSLException.class)) {
            return "tls";
        }
        return "no-smtp";
    }

    /** Which recipient or what the server refused, by its reply code. */
    private static SendOutcome refused(SendFailedException e) {
        for (Exception next = e; next != null; next = next instanceof MessagingException m ? m.getNextException() : null) {
            if (next instanceof SMTPAddressFailedException address) {
                String reply = reply(address.getReturnCode(), address.getMessage());
                return address.getReturnCode() >= 500 ? SendOutcome.noAccount("The mail server refused the recipient: " + reply)
                        : SendOutcome.transientFailure("RECIPIENT_DEFERRED", "The mail server deferred the recipient: " + reply);
            }
            if (next instanceof SMTPSendFailedException send) {
                String reply = reply(send.getReturnCode(), send.getMessage());
                return send.getReturnCode() >= 500 ? SendOutcome.failed("MESSAGE_REFUSED", "The mail server refused the message: " + reply)
                        : SendOutcome.transientFailure("SERVER_BUSY", "The mail server asked to try later: " + reply);
            }
        }
        return SendOutcome.failed("MESSAGE_REFUSED", "The mail server refused the message: " + e.getMessage());
    }

    /** The server's reply line: Jakarta Mail's message usually starts with the code already. */
    private static String reply(int code, String message) {
        String text = message == null ? "" : message.strip();
        return text.startsWith(String.valueOf(code)) ? text : code + " " + text;
    }

    private static MimeMessage compose(Session session, ConnectionDetails connection, OutboundMessage message)
            throws MessagingException, UnsupportedEncodingException {
        MimeMessage mail = new MimeMessage(session);
        Object html = message.parameters().get("html");
        MimeMessageHelper helper = new MimeMessageHelper(mail, html != null, "UTF-8");
        String fromName = connection.setting("fromName");
        if (fromName == null) {
            helper.setFrom(connection.setting("fromAddress"));
        }
        else {
            helper.setFrom(connection.setting("fromAddress"), fromName);
        }
        if (connection.setting("replyTo") != null) {
            helper.setReplyTo(connection.setting("replyTo"));
        }
        helper.setTo(message.address());
        helper.setSubject(subject(message));
        String text = message.text() == null ? "" : message.text();
        if (html != null) {
            helper.setText(text, String.valueOf(html));
        }
        else {
            helper.setText(text);
        }
        mail.setHeader("X-Kaskad-Reference", message.reference());
        mail.saveChanges();
        // our own Message-ID, the provider's id of this attempt: short enough for the attempt's column whatever the host's name
        mail.setHeader("Message-ID", "<" + UUID.randomUUID() + "@" + domain(connection.setting("fromAddress")) + ">");
        return mail;
    }

    /** The sender's domain, or a stand-in when it would make the Message-ID too long for the attempt's column (128). */
    private static String domain(String fromAddress) {
        String domain = fromAddress.substring(fromAddress.lastIndexOf('@') + 1);
        return domain.length() <= 80 ? domain : "kaskad.invalid";
    }

    /** The request's subject; without one, the text's first line, so that no e-mail goes out blank-headed. */
    private static String subject(OutboundMessage message) {
        Object subject = message.parameters().get("subject");
        if (subject != null && !String.valueOf(subject).isBlank()) {
            return String.valueOf(subject);
        }
        String text = message.text() == null ? "" : message.text().strip();
        String firstLine = text.lines().findFirst().orElse("");
        return firstLine.length() <= 78 ? firstLine : firstLine.substring(0, 77) + "…";
    }

    private static Session session(ConnectionDetails connection) {
        String security = connection.setting("security");
        boolean tls = "TLS".equals(security);
        String protocol = tls ? "smtps" : "smtp";
        String timeout = String.valueOf(connection.number("timeoutSeconds") * 1000);
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", protocol);
        properties.put("mail." + protocol + ".connectiontimeout", timeout);
        properties.put("mail." + protocol + ".timeout", timeout);
        properties.put("mail." + protocol + ".writetimeout", timeout);
        properties.put("mail." + protocol + ".auth", String.valueOf(connection.setting("username") != null));
        if ("STARTTLS".equals(security)) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        }
        return Session.getInstance(properties);
    }

    private static String describe(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root.getClass().getSimpleName() + ": "
                + root.getMessage() + ")";
        return text.length() <= 400 ? text : text.substring(0, 400);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t instanceof MessagingException m && m.getNextException() != null && type.isInstance(m.getNextException())) {
                return true;
            }
        }
        return false;
    }
}
