package io.kaskad.channel;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

/** The installation's built-in adapter of each channel (the sandbox, Kaskad's own chats); at most one per channel. */
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

    /** The installation's own adapter of a channel, used when a company has no connection of its own. */
    public java.util.Optional<ChannelAdapter> find(Channel channel) {
        return java.util.Optional.ofNullable(byChannel.get(channel));
    }

    public ChannelAdapter forChannel(Channel channel) {
        ChannelAdapter adapter = byChannel.get(channel);
        if (adapter == null) {
            throw new IllegalStateException("No provider is configured for channel " + channel);
        }
        return adapter;
    }
}
