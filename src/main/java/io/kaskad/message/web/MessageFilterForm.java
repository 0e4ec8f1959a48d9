package io.kaskad.message.web;

import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.format.annotation.DateTimeFormat;

import io.kaskad.channel.Channel;
import io.kaskad.message.MessageFilter;
import io.kaskad.message.MessageStatus;

import static io.kaskad.common.Strings.blankToNull;

/** The filters of "Просмотр сообщений"; dates are days in the company's time zone, both inclusive. */
record MessageFilterForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, MessageStatus status, Channel channel, String recipient,
        String bulkId, String taskId) {

    MessageFilter toFilter(ZoneId zone) {
        return new MessageFilter(from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(), status, channel, blankToNull(bulkId),
                blankToNull(taskId), blankToNull(recipient));
    }

}
