package io.kaskad.message;

/** A cancel that came too late: the message was already handed to a provider (answered 409). */
public class MessageAlreadySentException extends RuntimeException {

    public MessageAlreadySentException(String messageId, MessageStatus status) {
        super("Message " + messageId + " cannot be cancelled: it was already handed to a provider (status " + status + ")");
    }
}
