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

    record Attempt(int step, Channel channel, boolean required, AttemptStatus status, String address, String text,
            String parametersJson) {
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
