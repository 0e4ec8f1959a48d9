package io.kaskad.template.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import io.kaskad.message.SendRequest.ChannelSpec;
import io.kaskad.message.SendRequest.TimeRange;
import io.kaskad.template.MailruContent;
import io.kaskad.template.NotificationContent;
import io.kaskad.template.TemplateRequest;
import io.kaskad.template.TemplateType;
import io.kaskad.template.TemplateView;
import io.kaskad.template.WhatsAppContent;

import static io.kaskad.common.Strings.blankToNull;

/**
 * The portal's template editor, for all three kinds (the fields of the other kinds stay empty).
 * A mutable bean because Spring binds its indexed rows ({@code channels[1].text}, {@code buttons[0].url}).
 * It turns into the same {@link TemplateRequest} the API takes, so both are checked alike.
 */
public class TemplateForm {

    static final int ROWS = 3;

    private TemplateType type = TemplateType.NOTIFICATION;
    private String name;
    private List<ChannelRow> channels = rows(ChannelRow::new);
    private Integer validityPeriod;
    private boolean useShortLinks;
    private String windowFrom;
    private String windowTo;
    private String languageCode = "ru";
    private String namespace;
    private WhatsAppContent.HeaderType headerType;
    private String headerText;
    private String headerUrl;
    private String body;
    private String footer;
    private List<ButtonRow> buttons = rows(ButtonRow::new);
    private String email;
    private String vkBody;
    private String vkGroupUrl;
    private String okBody;
    private String okGroupUrl;

    static TemplateForm blank(TemplateType type) {
        TemplateForm form = new TemplateForm();
        form.type = type;
        if (type == TemplateType.NOTIFICATION) {
            form.channels.get(0).setChannel("sms");
        }
        return form;
    }

    static TemplateForm of(TemplateView view) {
        TemplateForm form = blank(view.type());
        form.name = view.name();
        if (view.content() instanceof NotificationContent n) {
            int i = 0;
            form.channels = rows(ChannelRow::new);
            for (var entry : n.channels().entrySet()) {
                if (i < ROWS) {
                    ChannelRow row = form.channels.get(i++);
                    row.setChannel(entry.getKey());
                    row.setText(entry.getValue() == null ? null : entry.getValue().text());
                    row.setRequired(entry.getValue() != null && Boolean.TRUE.equals(entry.getValue().required()));
                }
            }
            form.validityPeriod = n.validityPeriod();
            form.useShortLinks = Boolean.TRUE.equals(n.useShortLinks());
            if (n.allowedTimeRanges() != null && !n.allowedTimeRanges().isEmpty()) {
                form.windowFrom = n.allowedTimeRanges().get(0).from();
                form.windowTo = n.allowedTimeRanges().get(0).to();
            }
        }
        else if (view.content() instanceof WhatsAppContent w) {
            form.languageCode = w.languageCode();
            form.namespace = w.namespace();
            if (w.header() != null) {
                form.headerType = w.header().type();
                form.headerText = w.header().text();
                form.headerUrl = w.header().url();
            }
            form.body = w.body();
            form.footer = w.footer();
            for (int i = 0; i < w.buttons().size() && i < ROWS; i++) {
                WhatsAppContent.Button b = w.buttons().get(i);
                ButtonRow row = form.buttons.get(i);
                row.setType(b.type());
                row.setText(b.text());
                row.setUrl(b.url());
                row.setPhone(b.phone());
            }
        }
        else if (view.content() instanceof MailruContent m) {
            form.email = m.email();
            form.body = m.body();
            form.vkBody = m.vkBody();
            form.vkGroupUrl = m.vkGroupUrl();
            form.okBody = m.okBody();
            form.okGroupUrl = m.okGroupUrl();
        }
        return form;
    }

    TemplateRequest toRequest() {
        LinkedHashMap<String, ChannelSpec> specs = new LinkedHashMap<>();
        for (ChannelRow row : channels) {
            if (row.getChannel() != null && !row.getChannel().isBlank()) {
                specs.put(row.getChannel(), ChannelSpec.text(blankToNull(row.getText()), row.isRequired()));
            }
        }
        List<TimeRange> ranges = blankToNull(windowFrom) == null && blankToNull(windowTo) == null ? null
                : List.of(new TimeRange(seconds(windowFrom), seconds(windowTo)));
        List<WhatsAppContent.Button> whatsAppButtons = new ArrayList<>();
        for (ButtonRow row : buttons) {
            if (row.getType() != null) {
                whatsAppButtons.add(new WhatsAppContent.Button(row.getType(), blankToNull(row.getText()), blankToNull(row.getUrl()),
                        blankToNull(row.getPhone())));
            }
        }
        WhatsAppContent.Header header = headerType == null ? null
                : new WhatsAppContent.Header(headerType, blankToNull(headerText), blankToNull(headerUrl));
        return new TemplateRequest(type, name, specs, validityPeriod, useShortLinks, ranges, blankToNull(languageCode),
                blankToNull(namespace), header, blankToNull(body), blankToNull(footer), whatsAppButtons, blankToNull(email),
                blankToNull(vkBody), blankToNull(vkGroupUrl), blankToNull(okBody), blankToNull(okGroupUrl));
    }

    /** The browser's time input gives HH:MM; the API's windows are HH:MM:SS. */
    private static String seconds(String time) {
        String value = blankToNull(time);
        return value == null ? "" : value.length() == 5 ? value + ":00" : value;
    }

    private static <T> List<T> rows(java.util.function.Supplier<T> row) {
        List<T> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            rows.add(row.get());
        }
        return rows;
    }

    public static class ChannelRow {
        private String channel;
        private String text;
        private boolean required;

        public String getChannel() { return channel; }
        public void setChannel(String channel) { this.channel = channel; }
        public String getText() { return text; }
        public void setText(String text) { this.text = text; }
        public boolean isRequired() { return required; }
        public void setRequired(boolean required) { this.required = required; }
    }

    public static class ButtonRow {
        private WhatsAppContent.ButtonType type;
        private String text;
        private String url;
        private String phone;

        public WhatsAppContent.ButtonType getType() { return type; }
        public void setType(WhatsAppContent.ButtonType type) { this.type = type; }
        public String getText() { return text; }
        public void setText(String text) { this.text = text; }
        public String getUrl() { return url; }
        public void setUrl(String url) { this.url = url; }
        public String getPhone() { return phone; }
        public void setPhone(String phone) { this.phone = phone; }
    }

    public TemplateType getType() { return type; }
    public void setType(TemplateType type) { this.type = type; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public List<ChannelRow> getChannels() { return channels; }
    public void setChannels(List<ChannelRow> channels) { this.channels = channels; }
    public Integer getValidityPeriod() { return validityPeriod; }
    public void setValidityPeriod(Integer validityPeriod) { this.validityPeriod = validityPeriod; }
    public boolean isUseShortLinks() { return useShortLinks; }
    public void setUseShortLinks(boolean useShortLinks) { this.useShortLinks = useShortLinks; }
    public String getWindowFrom() { return windowFrom; }
    public void setWindowFrom(String windowFrom) { this.windowFrom = windowFrom; }
    public String getWindowTo() { return windowTo; }
    public void setWindowTo(String windowTo) { this.windowTo = windowTo; }
    public String getLanguageCode() { return languageCode; }
    public void setLanguageCode(String languageCode) { this.languageCode = languageCode; }
    public String getNamespace() { return namespace; }
    public void setNamespace(String namespace) { this.namespace = namespace; }
    public WhatsAppContent.HeaderType getHeaderType() { return headerType; }
    public void setHeaderType(WhatsAppContent.HeaderType headerType) { this.headerType = headerType; }
    public String getHeaderText() { return headerText; }
    public void setHeaderText(String headerText) { this.headerText = headerText; }
    public String getHeaderUrl() { return headerUrl; }
    public void setHeaderUrl(String headerUrl) { this.headerUrl = headerUrl; }
    public String getBody() { return body; }
    public void setBody(String body) { this.body = body; }
    public String getFooter() { return footer; }
    public void setFooter(String footer) { this.footer = footer; }
    public List<ButtonRow> getButtons() { return buttons; }
    public void setButtons(List<ButtonRow> buttons) { this.buttons = buttons; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getVkBody() { return vkBody; }
    public void setVkBody(String vkBody) { this.vkBody = vkBody; }
    public String getVkGroupUrl() { return vkGroupUrl; }
    public void setVkGroupUrl(String vkGroupUrl) { this.vkGroupUrl = vkGroupUrl; }
    public String getOkBody() { return okBody; }
    public void setOkBody(String okBody) { this.okBody = okBody; }
    public String getOkGroupUrl() { return okGroupUrl; }
    public void setOkGroupUrl(String okGroupUrl) { this.okGroupUrl = okGroupUrl; }
}
