package io.kaskad.message.web;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;

import io.kaskad.message.SendRequest;
import io.kaskad.message.SendRequest.ChannelSpec;
import io.kaskad.message.SendRequest.Destination;
import io.kaskad.message.SendRequest.MessageSpec;

/**
 * The portal's "send a message" form: up to three channels in cascade order, one destination, an
 * optional time. A mutable bean rather than a record because Spring binds the indexed channel rows
 * ({@code channels[1].text}) into it.
 */
public class SendForm {

    static final int CHANNEL_ROWS = 3;

    private List<ChannelRow> channels = new ArrayList<>();
    private String phone;
    private String email;
    private String messengerUserId;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime sendAt;
    private Integer validityPeriod;

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
            if (row.getChannel() != null && !row.getChannel().isBlank()) {
                specs.put(row.getChannel(), new ChannelSpec(row.getText(), row.isRequired(), null, null, null, null, null, null,
                        null, null, null, null, null, null, null));
            }
        }
        return new SendRequest(List.of(new MessageSpec(specs,
                List.of(new Destination(phone, email, messengerUserId, null, null, null)), null, null, null, null, null,
                sendAt == null ? null : sendAt.atZone(zone).toOffsetDateTime(), validityPeriod, null, null, null, null, null)));
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
