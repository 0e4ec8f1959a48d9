package io.kaskad.channel.sandbox;

import java.util.UUID;

import io.kaskad.channel.Channel;
import io.kaskad.channel.ChannelAdapter;
import io.kaskad.channel.DeliveryReport;
import io.kaskad.channel.OutboundMessage;
import io.kaskad.channel.SendOutcome;

/**
 * The sandbox provider of one channel: answers at once by {@link SandboxBehaviour} and schedules the
 * delivery report it would receive from a real provider.
 */
class SandboxAdapter implements ChannelAdapter {

    private final Channel channel;
    private final SandboxReportSchedule reports;
    private final SandboxSendLog sendLog;
    private final boolean instantReports;
    private final long answerDelayMillis;

    SandboxAdapter(Channel channel, SandboxReportSchedule reports, SandboxSendLog sendLog, SandboxProperties properties) {
        this.channel = channel;
        this.reports = reports;
        this.sendLog = sendLog;
        this.instantReports = properties.deliveryDelay().isZero();
        this.answerDelayMillis = properties.answerDelay().toMillis();
    }

    @Override
    public Channel channel() {
        return channel;
    }

    @Override
    public String provider() {
        return "SANDBOX";
    }

    /** Like their real providers, Telegram, push and VK never report delivery. */
    @Override
    public boolean reportsDelivery() {
        return channel != Channel.TELEGRAM && channel != Channel.PUSH && channel != Channel.VK;
    }

    @Override
    public SendOutcome send(OutboundMessage message) {
        if (answerDelayMillis > 0) {
            try {
                Thread.sleep(answerDelayMillis); // the simulated provider's own latency
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return SendOutcome.transientFailure("INTERRUPTED", "The node is stopping");
            }
        }
        SendOutcome outcome = take(message);
        // received only now: a provider that took a message sends its receipt however its client fares, and this one
        // lives in the node, so its receipt is stored first. Logged before it, a kill in between (the receipt's insert
        // waiting for a pooled connection under load) left hundreds of "received" SMS without a receipt in a chaos run
        sendLog.record(message.reference(), channel);
        return outcome;
    }

    /** What the simulated provider makes of the message, its delivery reports scheduled. */
    private SendOutcome take(OutboundMessage message) {
        SandboxBehaviour behaviour = SandboxBehaviour.of(channel, message.recipient());
        String providerMessageId = "sandbox-" + UUID.randomUUID();
        switch (behaviour) {
            case FAIL:
                return SendOutcome.failed("SANDBOX_PROVIDER_ERROR", "Sandbox: the provider refused the message (test destination)");
            case NO_ACCOUNT:
                return SendOutcome.noAccount("Sandbox: the recipient has no " + channel.apiName() + " account (test destination)");
            case NEVER_REPORT:
                return SendOutcome.accepted(providerMessageId);
            case DELIVER_THEN_READ:
                reports.schedule(channel, providerMessageId, message.reference(), DeliveryReport.Status.DELIVERED, 1);
                reports.schedule(channel, providerMessageId, message.reference(), DeliveryReport.Status.READ, 2);
                return SendOutcome.accepted(providerMessageId);
            default:
                if (instantReports) {
                    // with no simulated delay the delivery report is the answer itself (benchmarks measure dispatch, not this)
                    return new SendOutcome(SendOutcome.Status.DELIVERED, providerMessageId, null, null);
                }
                if (reportsDelivery()) {
                    // like a provider that takes the sender's reference (SMPP, many HTTP APIs), the report carries ours
                    reports.schedule(channel, providerMessageId, message.reference(), DeliveryReport.Status.DELIVERED, 1);
                }
                return SendOutcome.accepted(providerMessageId);
        }
    }
}
