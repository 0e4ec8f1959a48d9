package io.kaskad.chat;

import java.util.Map;

import org.springframework.stereotype.Component;

import io.kaskad.channel.Channel;
import io.kaskad.channel.ChannelAdapter;
import io.kaskad.channel.OutboundMessage;
import io.kaskad.channel.SendOutcome;
import io.kaskad.common.ConflictException;
import io.kaskad.common.InvalidRequestException;
import io.kaskad.common.NotFoundException;

/**
 * The send API's {@code chat} channel: the message starts a chat session (or continues the last open
 * one) in the company's own chats. The attempt's providerMessageId is the session id, which is what
 * seed 004's recipe relies on to go from a message to its session and its dialog result.
 */
@Component
class ChatChannelAdapter implements ChannelAdapter {

    private final ChatSessionService sessions;

    ChatChannelAdapter(ChatSessionService sessions) {
        this.sessions = sessions;
    }

    @Override
    public Channel channel() {
        return Channel.CHAT;
    }

    @Override
    public String provider() {
        return "TWIN";
    }

    /** A session is there or not at once: acceptance is delivery. */
    @Override
    public boolean reportsDelivery() {
        return false;
    }

    @Override
    @SuppressWarnings("unchecked")
    public SendOutcome send(OutboundMessage message) {
        Map<String, Object> p = message.parameters();
        String user = message.recipient().messengerUserId() != null ? message.recipient().messengerUserId() : message.recipient().phone();
        StartSessionRequest request = StartSessionRequest.forSend(string(p.get("chatSessionName")), string(p.get("botId")),
                p.get("messengerType") == null ? MessengerType.WHATSAPP.name() : string(p.get("messengerType")), user,
                message.recipient().phone(), message.recipient().email(), message.recipient().deviceId());
        String messageId = message.reference().contains("/") ? message.reference().substring(0, message.reference().indexOf('/'))
                : message.reference();
        try {
            if (p.get("chatSessionId") != null) {
                return SendOutcome.accepted(sessions.sayInSession(message.companyId(), string(p.get("chatSessionId")),
                        Boolean.TRUE.equals(p.get("continueLastOrStartNewSession")), message.text(), messageId));
            }
            return SendOutcome.accepted(sessions.startFromMessage(message.companyId(), string(p.get("chatId")), request,
                    Boolean.TRUE.equals(p.get("continueLastOrStartNewSession")), message.text(), messageId,
                    (Map<String, Object>) p.getOrDefault("variables", Map.of())));
        }
        catch (NotFoundException unknownChat) {
            if (p.get("chatSessionId") != null) {
                return SendOutcome.failed("CHAT_SESSION_NOT_FOUND", "No chat session " + p.get("chatSessionId") + " in this company");
            }
            return SendOutcome.failed("CHAT_NOT_FOUND", "No chat " + p.get("chatId") + " in this company");
        }
        catch (InvalidRequestException | ConflictException refused) {
            return SendOutcome.failed("CHAT_SESSION_REFUSED", refused.getMessage());
        }
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }
}
