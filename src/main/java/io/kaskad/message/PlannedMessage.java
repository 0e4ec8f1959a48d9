package io.kaskad.message;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import io.kaskad.channel.Channel;
import io.kaskad.message.SendRequest.Destination;
import io.kaskad.message.SendRequest.MessageSpec;

/** A message ready to be stored: accepted with its attempts, or rejected with the reason. */
record PlannedMessage(String publicId, long companyId, String bulkId, String flowId, String groupId, MessageSpec spec,
        Destination destination, TimeWindows windows, Channel firstChannel, MessageStatus status, ZoneId zone, Instant dueAt,
        List<Attempt> attempts, Rejection rejection) {

    PlannedMessage withAttempts(List<Attempt> newAttempts) {
        return new PlannedMessage(publicId, companyId, bulkId, flowId, groupId, spec, destination, windows, firstChannel, status, zone,
                dueAt, newAttempts, rejection);
    }

    /** {@code links}: the short links standing in {@code text} for the links it was written with (seed 000's useShortLinks). */
    record Attempt(int step, Channel channel, boolean required, AttemptStatus status, String address, String text,
            String parametersJson, List<ShortLinks.Link> links) {

        /** The same attempt with one short link's code changed, in its text too (a code already taken). */
        Attempt withCode(String code, String newCode) {
            return new Attempt(step, channel, required, status, address, text.replace(ShortLinks.PATH + code, ShortLinks.PATH + newCode),
                    parametersJson, links.stream()
                        .map(link -> link.code().equals(code) ? new ShortLinks.Link(newCode, link.position(), link.url(), link.base()) : link)
                        .toList());
        }
    }

    static Builder builder(long companyId, String bulkId, String flowId, String groupId, MessageSpec spec,
            Destination destination, TimeWindows windows, Channel firstChannel) {
        return new Builder(companyId, bulkId, flowId, groupId, spec, destination, windows, firstChannel);
    }

    record Builder(long companyId, String bulkId, String flowId, String groupId, MessageSpec spec, Destination destination,
            TimeWindows windows, Channel firstChannel) {

        PlannedMessage accepted(ZoneId zone, Instant dueAt, List<Attempt> attempts) {
            return new PlannedMessage(UUID.randomUUID().toString(), companyId, bulkId, flowId, groupId, spec, destination,
                    windows, attempts.get(0).channel(), MessageStatus.CREATED, zone, dueAt, attempts, null);
        }

        PlannedMessage rejected(String code, String field, String messageCode, Object... args) {
            return new PlannedMessage(UUID.randomUUID().toString(), companyId, bulkId, flowId, groupId, spec, destination,
                    windows, firstChannel, MessageStatus.REJECTED, null, null, List.of(), new Rejection(code, field, messageCode, args));
        }
    }
}
