package io.kaskad.chat;

/** Who wrote a message of a dialog. */
public enum Author {
    CLIENT, BOT, OPERATOR
}
