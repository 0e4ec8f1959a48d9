package io.kaskad.template;

import java.net.URI;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.kaskad.common.Formats;
import io.kaskad.common.InvalidRequestException.Problem;

/**
 * A WhatsApp template as seed 000 describes it, with the limits WhatsApp checks: a header (bold text
 * with at most one parameter, or an image, document, video or location), a body with {@code {{1}}}
 * parameters numbered from 1 without gaps, an optional footer, and buttons: up to three quick
 * replies, or calls to action with at most one URL button and one phone button (seed 001).
 */
public record WhatsAppContent(String languageCode, String namespace, Header header, String body, String footer,
        List<Button> buttons) {

    public enum HeaderType {
        TEXT, IMAGE, DOCUMENT, VIDEO, LOCATION
    }

    public enum ButtonType {
        QUICK_REPLY, URL, PHONE
    }

    public record Header(HeaderType type, String text, String url) {
    }

    public record Button(ButtonType type, String text, String url, String phone) {
    }

    static final int HEADER_TEXT_MAX = 60;
    static final int BODY_MAX = 1024;
    static final int FOOTER_MAX = 60;
    static final int BUTTON_TEXT_MAX = 25;
    static final int QUICK_REPLIES_MAX = 3;
    static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,512}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(_[A-Z]{2})?");

    void check(List<Problem> problems) {
        if (languageCode == null || !LANGUAGE.matcher(languageCode).matches()) {
            problems.add(new Problem("languageCode", "template.whatsapp.language"));
        }
        if (header != null && header.type() != null) {
            checkHeader(problems);
        }
        if (body == null || body.isBlank()) {
            problems.add(new Problem("body", "template.body.required"));
        }
        else {
            if (body.length() > BODY_MAX) {
                problems.add(new Problem("body", "template.too-long", BODY_MAX));
            }
            checkParameters("body", body, Integer.MAX_VALUE, problems);
        }
        if (footer != null && footer.length() > FOOTER_MAX) {
            problems.add(new Problem("footer", "template.too-long", FOOTER_MAX));
        }
        if (footer != null && Formats.WHATSAPP_PARAMETER.matcher(footer).find()) {
            problems.add(new Problem("footer", "template.whatsapp.footer.parameters"));
        }
        checkButtons(problems);
    }

    /** How many body parameters the template takes ({@code {{1}}} … {@code {{n}}}). */
    int bodyParameters() {
        return body == null ? 0 : parameters(body).size();
    }

    private void checkHeader(List<Problem> problems) {
        switch (header.type()) {
            case TEXT -> {
                if (header.text() == null || header.text().isBlank()) {
                    problems.add(new Problem("header.text", "template.whatsapp.header.text.required"));
                }
                else {
                    if (header.text().length() > HEADER_TEXT_MAX) {
                        problems.add(new Problem("header.text", "template.too-long", HEADER_TEXT_MAX));
                    }
                    checkParameters("header.text", header.text(), 1, problems);
                }
            }
            case IMAGE, DOCUMENT, VIDEO -> {
                if (!isHttpUrl(header.url())) {
                    problems.add(new Problem("header.url", "template.url.invalid"));
                }
            }
            case LOCATION -> {
                // the location itself is given at send time
            }
        }
    }

    private void checkButtons(List<Problem> problems) {
        if (buttons == null || buttons.isEmpty()) {
            return;
        }
        long quickReplies = buttons.stream().filter(b -> b.type() == ButtonType.QUICK_REPLY).count();
        long urls = buttons.stream().filter(b -> b.type() == ButtonType.URL).count();
        long phones = buttons.stream().filter(b -> b.type() == ButtonType.PHONE).count();
        if (quickReplies > QUICK_REPLIES_MAX) {
            problems.add(new Problem("buttons", "template.whatsapp.buttons.quick-replies", QUICK_REPLIES_MAX));
        }
        if (urls > 1) {
            problems.add(new Problem("buttons", "template.whatsapp.buttons.url"));
        }
        if (phones > 1) {
            problems.add(new Problem("buttons", "template.whatsapp.buttons.phone"));
        }
        if (quickReplies > 0 && urls + phones > 0) {
            problems.add(new Problem("buttons", "template.whatsapp.buttons.mixed"));
        }
        for (int i = 0; i < buttons.size(); i++) {
            Button button = buttons.get(i);
            String path = "buttons[" + i + "]";
            if (button.type() == null) {
                problems.add(new Problem(path + ".type", "template.whatsapp.button.type"));
                continue;
            }
            if (button.text() == null || button.text().isBlank()) {
                problems.add(new Problem(path + ".text", "template.whatsapp.button.text"));
            }
            else if (button.text().length() > BUTTON_TEXT_MAX) {
                problems.add(new Problem(path + ".text", "template.too-long", BUTTON_TEXT_MAX));
            }
            if (button.type() == ButtonType.URL && !isHttpUrl(button.url())) {
                problems.add(new Problem(path + ".url", "template.url.invalid"));
            }
            if (button.type() == ButtonType.PHONE && (button.phone() == null || !Formats.PHONE.matcher(button.phone()).matches())) {
                problems.add(new Problem(path + ".phone", "template.whatsapp.button.phone"));
            }
        }
    }

    /** Parameters must be numbered 1, 2, 3 … without gaps, at most {@code max} of them. */
    private static void checkParameters(String field, String text, int max, List<Problem> problems) {
        TreeSet<Integer> numbers = parameters(text);
        if (numbers.size() > max) {
            problems.add(new Problem(field, "template.whatsapp.parameters.max", max));
        }
        int expected = 1;
        for (int number : numbers) {
            if (number != expected++) {
                problems.add(new Problem(field, "template.whatsapp.parameters.sequence", number));
                return;
            }
        }
    }

    private static TreeSet<Integer> parameters(String text) {
        TreeSet<Integer> numbers = new TreeSet<>();
        Matcher matcher = Formats.WHATSAPP_PARAMETER.matcher(text);
        while (matcher.find()) {
            numbers.add(Integer.parseInt(matcher.group(1)));
        }
        return numbers;
    }

    static boolean isHttpUrl(String url) {
        if (url == null || url.isBlank()) {
            return false;
        }
        try {
            URI uri = URI.create(url.strip());
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        }
        catch (IllegalArgumentException invalid) {
            return false;
        }
    }
}
