package io.kaskad.template;

import java.util.List;
import java.util.regex.Pattern;

import io.kaskad.common.Formats;
import io.kaskad.common.InvalidRequestException.Problem;

/**
 * A mail.ru (VK/OK) notification template, with exactly the fields of seed 000: the e-mail that hears
 * the moderation decision, a common body, and each network's own body and group link. A network
 * without its own body uses the common one.
 */
public record MailruContent(String email, String body, String vkBody, String vkGroupUrl, String okBody, String okGroupUrl) {

    static final int BODY_MAX = 4096;
    private static final Pattern VK_GROUP = Pattern.compile("https?://(m\\.)?(vk\\.com|vk\\.ru)/[A-Za-z0-9_.]+/?");
    private static final Pattern OK_GROUP = Pattern.compile("https?://(m\\.)?ok\\.ru/[A-Za-z0-9_./]+");

    void check(List<Problem> problems) {
        if (email == null || !Formats.EMAIL.matcher(email).matches()) {
            problems.add(new Problem("email", "template.mailru.email"));
        }
        if (body == null || body.isBlank()) {
            problems.add(new Problem("body", "template.body.required"));
        }
        for (String[] field : new String[][] { { "body", body }, { "vkBody", vkBody }, { "okBody", okBody } }) {
            if (field[1] != null && field[1].length() > BODY_MAX) {
                problems.add(new Problem(field[0], "template.too-long", BODY_MAX));
            }
        }
        if (vkGroupUrl != null && !vkGroupUrl.isBlank() && !VK_GROUP.matcher(vkGroupUrl.strip()).matches()) {
            problems.add(new Problem("vkGroupUrl", "template.mailru.vk-group"));
        }
        if (okGroupUrl != null && !okGroupUrl.isBlank() && !OK_GROUP.matcher(okGroupUrl.strip()).matches()) {
            problems.add(new Problem("okGroupUrl", "template.mailru.ok-group"));
        }
    }

    /** The text VKontakte gets: its own body, else the common one. */
    String vkText() {
        return vkBody == null || vkBody.isBlank() ? body : vkBody;
    }

    /** The text Odnoklassniki gets: its own body, else the common one. */
    String okText() {
        return okBody == null || okBody.isBlank() ? body : okBody;
    }
}
