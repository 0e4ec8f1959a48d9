package io.kaskad.channel;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

/** The adapter configured for each channel. Exactly one adapter per channel is active. */
@Service
public class ChannelAdapters {

    private final Map<Channel, ChannelAdapter> byChannel = new EnumMap<>(Channel.class);

    ChannelAdapters(List<ChannelAdapter> adapters) {
        for (ChannelAdapter adapter : adapters) {
            ChannelAdapter previous = byChannel.put(adapter.channel(), adapter);
            if (previous != null) {
                throw new IllegalStateException("Two adapters for " + adapter.channel() + ": " + previous.provider()
                        + " and " + adapter.provider());
            }
        }
    }

    public ChannelAdapter forChannel(Channel channel) {
        ChannelAdapter adapter = byChannel.get(channel);
        if (adapter == null) {
            throw new IllegalStateException("No provider is configured for channel " + channel);
        }
        return adapter;
    }
}
