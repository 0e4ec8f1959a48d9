package io.kaskad.chat.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kaskad.public-chat.*}: how much of the anonymous chat API one address, and all addresses
 * together for one chat, may use (per node). Starts and messages are per minute; streams are open at once.
 */
@ConfigurationProperties("kaskad.public-chat")
record PublicChatLimitProperties(@DefaultValue("20") int sessionStartsPerAddress, @DefaultValue("600") int sessionStartsPerChat,
        @DefaultValue("120") int messagesPerAddress, @DefaultValue("3000") int messagesPerChat, @DefaultValue("20") int streamsPerAddress) {
}
