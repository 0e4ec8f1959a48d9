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

/** The page a client embeds with the chat's iframe code, and the avatars it shows. */
@Controller
class WidgetController {

    private final ChatService chats;

    WidgetController(ChatService chats) {
        this.chats = chats;
    }

    @GetMapping("/widget/{chatId}")
    String widget(@PathVariable String chatId, Model model) {
        model.addAttribute("chat", chats.publicView(chatId));
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
