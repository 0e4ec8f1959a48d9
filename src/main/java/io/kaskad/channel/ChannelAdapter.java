package io.kaskad.channel;

/**
 * The provider SPI: one implementation per channel and provider. Adapters are Spring beans; the
 * registry picks the one configured for each channel.
 *
 * <p>An adapter must not throw for a provider's refusal: it answers {@link SendOutcome#failed}.
 * Delivery reports that arrive later (webhooks, polling) go to {@link DeliveryReports}.
 */
public interface ChannelAdapter {

    Channel channel();

    /** The provider's name as shown in attempts and statistics, e.g. {@code SANDBOX}. */
    String provider();

    /**
     * Whether this provider ever reports delivery. When it does not (Telegram, FCM, VK), the cascade
     * counts the provider's acceptance as delivery instead of waiting for the validity period.
     */
    boolean reportsDelivery();

    SendOutcome send(OutboundMessage message);
}
