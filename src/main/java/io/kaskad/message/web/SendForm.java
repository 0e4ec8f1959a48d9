package io.kaskad.message.web;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;

import io.kaskad.message.Addresses;
import io.kaskad.message.SendRequest;
import io.kaskad.message.SendRequest.ChannelSpec;
import io.kaskad.message.SendRequest.Destination;
import io.kaskad.message.SendRequest.MessageSpec;

import static io.kaskad.common.Strings.blankToNull;

/**
 * The portal's "send a message" form: an approved template or up to three channels in cascade order
 * (a channel's text overrides the template's), one destination and/or several recipients pasted one per
 * line (a phone, or an e-mail), the template's variables as {@code name=value} lines, an optional time.
 * A mutable bean rather than a record because Spring binds the indexed channel rows
 * ({@code channels[1].text}) into it.
 */
public class SendForm {

    static final int CHANNEL_ROWS = 3;
    private static final String EMAIL = "email";

    private List<ChannelRow> channels = new ArrayList<>();
    private String phone;
    private String email;
    private String messengerUserId;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime sendAt;
    private Integer validityPeriod;
    private String templateId;
    private String variables;
    private String recipients;
    private String emailSubject;
    private String emailHtml;

    /** At most this many pasted recipients in one send (the API takes more; the form is for people). */
    static final int MAX_RECIPIENTS = 1_000;

    public static SendForm blank() {
        SendForm form = new SendForm();
        form.channels.add(new ChannelRow("sms", "", false));
        while (form.channels.size() < CHANNEL_ROWS) {
            form.channels.add(new ChannelRow("", "", false));
        }
        return form;
    }

    /** The same request a client system would send: what the portal sends is what the API would. */
    SendRequest toRequest(ZoneId zone) {
        LinkedHashMap<String, ChannelSpec> specs = new LinkedHashMap<>();
        for (ChannelRow row : channels) {
            // with a template, a channel row without text is the template's own (the row preset to SMS, say)
            if (!blank(row.getChannel()) && (blank(templateId) || !blank(row.getText()))) {
                specs.put(row.getChannel(), EMAIL.equals(row.getChannel())
                        ? ChannelSpec.email(row.getText(), row.isRequired(), blankToNull(emailSubject), blankToNull(emailHtml))
                        : ChannelSpec.text(row.getText(), row.isRequired()));
            }
        }
        Map<String, Object> values = variables();
        List<Destination> destinations = new ArrayList<>();
        if (!blank(phone) || !blank(email) || !blank(messengerUserId)) {
            destinations.add(new Destination(Addresses.normalizeWrittenPhone(blankToNull(phone)), email, messengerUserId, null, values, null));
        }
        for (String line : recipientLines()) {
            destinations.add(line.contains("@") ? Destination.email(line).withVariables(values)
                    : Destination.phone(Addresses.normalizeWrittenPhone(line)).withVariables(values));
        }
        return new SendRequest(List.of(MessageSpec.of(specs, destinations)
            .withTemplateId(blank(templateId) ? null : templateId.strip())
            .withSchedule(sendAt == null ? null : sendAt.atZone(zone).toOffsetDateTime(), validityPeriod)));
    }

    /** The pasted recipients, one per line, blank lines left out. */
    List<String> recipientLines() {
        if (blank(recipients)) {
            return List.of();
        }
        return recipients.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /** {@code name=value} lines; a line without {@code =} is left out. */
    Map<String, Object> variables() {
        Map<String, Object> values = new LinkedHashMap<>();
        if (!blank(variables)) {
            variables.lines().forEach(line -> {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    values.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
                }
            });
        }
        return values.isEmpty() ? null : values;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    public String getEmailSubject() {
        return emailSubject;
    }

    public void setEmailSubject(String emailSubject) {
        this.emailSubject = emailSubject;
    }

    public String getEmailHtml() {
        return emailHtml;
    }

    public void setEmailHtml(String emailHtml) {
        this.emailHtml = emailHtml;
    }

    public String getTemplateId() {
        return templateId;
    }

    public void setTemplateId(String templateId) {
        this.templateId = templateId;
    }

    public String getVariables() {
        return variables;
    }

    public void setVariables(String variables) {
        this.variables = variables;
    }

    public String getRecipients() {
        return recipients;
    }

    public void setRecipients(String recipients) {
        this.recipients = recipients;
    }

    public List<ChannelRow> getChannels() {
        return channels;
    }

    public void setChannels(List<ChannelRow> channels) {
        this.channels = channels;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getMessengerUserId() {
        return messengerUserId;
    }

    public void setMessengerUserId(String messengerUserId) {
        this.messengerUserId = messengerUserId;
    }

    public LocalDateTime getSendAt() {
        return sendAt;
    }

    public void setSendAt(LocalDateTime sendAt) {
        this.sendAt = sendAt;
    }

    public Integer getValidityPeriod() {
        return validityPeriod;
    }

    public void setValidityPeriod(Integer validityPeriod) {
        this.validityPeriod = validityPeriod;
    }

    /** One channel of the cascade; an empty channel is skipped. */
    public static class ChannelRow {

        private String channel;
        private String text;
        private boolean required;

        public ChannelRow() {
        }

        ChannelRow(String channel, String text, boolean required) {
            this.channel = channel;
            this.text = text;
            this.required = required;
        }

        public String getChannel() {
            return channel;
        }

        public void setChannel(String channel) {
            this.channel = channel;
        }

        public String getText() {
            return text;
        }

        public void setText(String text) {
            this.text = text;
        }

        public boolean isRequired() {
            return required;
        }

        public void setRequired(boolean required) {
            this.required = required;
        }
    }
}
