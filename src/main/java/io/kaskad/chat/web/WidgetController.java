package io.kaskad.chat.web;

import java.io.IOException;
import java.time.Duration;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import io.kaskad.chat.AvatarKind;
import io.kaskad.chat.ChatService;

/** The pages a client embeds with the chat's code (the launcher, the whole chat), and the avatars they show. */
@Controller
class WidgetController {

    private final ChatService chats;

    WidgetController(ChatService chats) {
        this.chats = chats;
    }

    /** The whole chat, for a link or a frame of its own. */
    @GetMapping("/widget/{chatId}")
    String widget(@PathVariable String chatId, Model model) {
        model.addAttribute("chat", chats.publicView(chatId));
        model.addAttribute("launcher", false);
        return "chats/widget";
    }

    /**
     * What the chat's embed code frames: the messengers' buttons and a launcher that opens the chat. It
     * starts no session until the visitor opens it, and tells the embedding page (embed.js) the size it needs.
     */
    @GetMapping("/widget/{chatId}/launcher")
    String launcher(@PathVariable String chatId, Model model) {
        model.addAttribute("chat", chats.publicView(chatId));
        model.addAttribute("launcher", true);
        return "chats/widget";
    }

    /** The chat's own picture, or Kaskad's built-in one when it has none. */
    @GetMapping("/widget/{chatId}/avatars/{kind}")
    ResponseEntity<byte[]> avatar(@PathVariable String chatId, @PathVariable String kind) throws IOException {
        AvatarKind avatarKind = ChatApiController.avatarKind(kind);
        var own = chats.avatar(chatId, avatarKind);
        CacheControl cache = CacheControl.maxAge(Duration.ofMinutes(5));
        if (own.isPresent()) {
            return ResponseEntity.ok().cacheControl(cache).contentType(MediaType.parseMediaType(own.get().contentType()))
                .body(own.get().content());
        }
        byte[] builtIn = new ClassPathResource("static/assets/chat/" + avatarKind.pathName() + ".svg").getContentAsByteArray();
        return ResponseEntity.ok().cacheControl(cache).contentType(MediaType.valueOf("image/svg+xml")).body(builtIn);
    }
}
