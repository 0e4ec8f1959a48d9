package io.kaskad.template;

import java.util.LinkedHashMap;
import java.util.List;

import io.kaskad.common.InvalidRequestException.Problem;
import io.kaskad.message.NotificationRules;
import io.kaskad.message.SendRequest;
import io.kaskad.message.SendRequest.ChannelSpec;
import io.kaskad.message.SendRequest.TimeRange;

/** A whole notification: channels in cascade order with their texts, and its defaults. */
public record NotificationContent(LinkedHashMap<String, ChannelSpec> channels, Integer validityPeriod, Boolean useShortLinks,
        List<TimeRange> allowedTimeRanges) {

    void check(List<Problem> problems) {
        if (channels == null || channels.isEmpty()) {
            problems.add(new Problem("channels", "message.channels.required"));
        }
        else {
            NotificationRules.checkChannels("", channels, problems);
        }
        if (validityPeriod != null && (validityPeriod < 1 || validityPeriod > SendRequest.MAX_VALIDITY_MINUTES)) {
            problems.add(new Problem("validityPeriod", "template.validity.range", SendRequest.MAX_VALIDITY_MINUTES));
        }
        NotificationRules.checkTimeRanges("", allowedTimeRanges, problems);
    }
}
