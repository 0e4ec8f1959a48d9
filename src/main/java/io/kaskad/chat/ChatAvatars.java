package io.kaskad.chat;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.kaskad.common.InvalidRequestException;
import io.kaskad.common.InvalidRequestException.Problem;

/**
 * The pictures of a chat's bot, operator and header: JPEG or PNG up to 5 MB, recognised by their
 * bytes (not by the name or the declared type). Without one the widget shows a built-in picture.
 */
@Component
public class ChatAvatars {

    public static final int MAX_BYTES = 5 * 1024 * 1024;

    private final JdbcClient jdbc;

    ChatAvatars(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Image(String contentType, byte[] content) {
    }

    @Transactional
    void put(long chatId, AvatarKind kind, String fileName, byte[] content) {
        String type = check(kind, fileName, content);
        delete(chatId, kind);
        jdbc.sql("INSERT INTO chat_avatar (chat_id, kind, content_type, content) VALUES (?, ?, ?, ?)")
            .params(chatId, kind.name(), type, content)
            .update();
    }

    /** The image's type, or a problem naming the avatar: empty, above 5 MB, or neither JPEG nor PNG. */
    static String check(AvatarKind kind, String fileName, byte[] content) {
        String field = "avatars." + kind.pathName();
        if (content == null || content.length == 0) {
            throw new InvalidRequestException(List.of(new Problem(field, "chat.avatar.empty")));
        }
        if (content.length > MAX_BYTES) {
            throw new InvalidRequestException(List.of(new Problem(field, "chat.avatar.too-big", fileName == null ? "" : fileName)));
        }
        String type = contentType(content);
        if (type == null) {
            throw new InvalidRequestException(List.of(new Problem(field, "chat.avatar.type", fileName == null ? "" : fileName)));
        }
        return type;
    }

    Optional<Image> get(long chatId, AvatarKind kind) {
        return jdbc.sql("SELECT content_type, content FROM chat_avatar WHERE chat_id = ? AND kind = ?")
            .params(chatId, kind.name())
            .query((rs, n) -> new Image(rs.getString(1), rs.getBytes(2)))
            .optional();
    }

    @Transactional
    void delete(long chatId, AvatarKind kind) {
        jdbc.sql("DELETE FROM chat_avatar WHERE chat_id = ? AND kind = ?").params(chatId, kind.name()).update();
    }

    void deleteAll(long chatId) {
        jdbc.sql("DELETE FROM chat_avatar WHERE chat_id = ?").params(chatId).update();
    }

    /** JPEG starts FF D8 FF, PNG with its 8-byte signature; anything else is refused. */
    static String contentType(byte[] content) {
        if (content.length >= 3 && (content[0] & 0xff) == 0xFF && (content[1] & 0xff) == 0xD8 && (content[2] & 0xff) == 0xFF) {
            return "image/jpeg";
        }
        byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
        if (content.length >= png.length) {
            for (int i = 0; i < png.length; i++) {
                if (content[i] != png[i]) {
                    return null;
                }
            }
            return "image/png";
        }
        return null;
    }
}
