package io.kaskad.chat.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.kaskad.account.ApiClient;
import io.kaskad.chat.AvatarKind;
import io.kaskad.chat.ChatRequest;
import io.kaskad.chat.ChatService;
import io.kaskad.chat.ChatView;
import io.kaskad.common.NotFoundException;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Chats over the API with the portal's validation, so client systems set chats up without clicking.
 * Avatars are sent as the raw image ({@code Content-Type: image/png} or {@code image/jpeg}).
 */
@Tag(name = "Чаты", description = "Чаты: настройки, виджет, аватары, Telegram-бот")
@RestController
@RequestMapping("/api/v1/chats")
class ChatApiController {

    private final ChatService chats;

    ChatApiController(ChatService chats) {
        this.chats = chats;
    }

    @GetMapping
    List<ChatView> list(@AuthenticationPrincipal ApiClient client, @RequestParam(required = false) String search) {
        return chats.search(client.companyId(), search);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ChatView create(@AuthenticationPrincipal ApiClient client, @RequestBody ChatRequest request) {
        return chats.create(client.companyId(), request);
    }

    @GetMapping("/{chatId}")
    ChatView get(@AuthenticationPrincipal ApiClient client, @PathVariable String chatId) {
        return chats.get(client.companyId(), chatId);
    }

    @PutMapping("/{chatId}")
    ChatView update(@AuthenticationPrincipal ApiClient client, @PathVariable String chatId, @RequestBody ChatRequest request) {
        return chats.update(client.companyId(), chatId, request);
    }

    @DeleteMapping("/{chatId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal ApiClient client, @PathVariable String chatId) {
        chats.delete(client.companyId(), chatId);
    }

    /** {@code {"token": "123456:ABC…"}}: links the bot and registers Kaskad's webhook with Telegram. */
    @PutMapping("/{chatId}/telegram")
    ChatView linkTelegram(@AuthenticationPrincipal ApiClient client, @PathVariable String chatId, @RequestBody Map<String, String> body) {
        return chats.linkTelegram(client.companyId(), chatId, body.get("token"));
    }

    @DeleteMapping("/{chatId}/telegram")
    ChatView unlinkTelegram(@AuthenticationPrincipal ApiClient client, @PathVariable String chatId) {
        return chats.unlinkTelegram(client.companyId(), chatId);
    }

    @PutMapping(path = "/{chatId}/avatars/{kind}", consumes = { "image/png", "image/jpeg" })
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void putAvatar(@AuthenticationPrincipal ApiClient client, @PathVariable String chatId, @PathVariable String kind,
            @RequestBody byte[] image) {
        chats.putAvatar(client.companyId(), chatId, avatarKind(kind), kind, image);
    }

    @DeleteMapping("/{chatId}/avatars/{kind}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteAvatar(@AuthenticationPrincipal ApiClient client, @PathVariable String chatId, @PathVariable String kind) {
        chats.deleteAvatar(client.companyId(), chatId, avatarKind(kind));
    }

    static AvatarKind avatarKind(String kind) {
        return AvatarKind.fromPath(kind).orElseThrow(() -> new NotFoundException("Avatar", kind));
    }
}
