package io.kaskad.chat;

import java.util.Locale;
import java.util.Optional;

/** Whose picture an avatar is: the bot's, the operator's, or the chat's own (the widget header). */
public enum AvatarKind {
    ROBOT, OPERATOR, CHAT;

    public String pathName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AvatarKind> fromPath(String name) {
        for (AvatarKind kind : values()) {
            if (kind.pathName().equalsIgnoreCase(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
