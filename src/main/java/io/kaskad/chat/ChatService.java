package io.kaskad.chat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.kaskad.account.CompanyService;
import io.kaskad.chat.telegram.TelegramClient;
import io.kaskad.common.ConflictException;
import io.kaskad.common.InvalidRequestException;
import io.kaskad.common.InvalidRequestException.Problem;
import io.kaskad.common.NotFoundException;
import io.kaskad.common.PublicUrl;
import tools.jackson.databind.json.JsonMapper;

import static io.kaskad.common.Strings.blankToNull;

/** A company's chats: their settings, avatars and Telegram bots. */
@Service
public class ChatService {

    private final ChatRepository chats;
    private final CompanyService companies;
    private final BotTexts botTexts;
    private final ScenarioRepository scenarios;
    private final ChatAvatars avatars;
    private final TelegramClient telegram;
    private final JsonMapper json;
    private final Clock clock;
    private final PublicUrl publicUrl;
    private final SecureRandom random = new SecureRandom();

    ChatService(ChatRepository chats, ScenarioRepository scenarios, ChatAvatars avatars, TelegramClient telegram, JsonMapper json,
            Clock clock, PublicUrl publicUrl, CompanyService companies, BotTexts botTexts) {
        this.companies = companies;
        this.botTexts = botTexts;
        this.chats = chats;
        this.scenarios = scenarios;
        this.avatars = avatars;
        this.telegram = telegram;
        this.json = json;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    @Transactional
    public ChatView create(long companyId, ChatRequest request) {
        String name = check(companyId, request);
        if (chats.existsByCompanyIdAndName(companyId, name)) {
            throw new ConflictException("name", "chat.name.taken");
        }
        Instant now = clock.instant();
        return view(chats.save(new Chat(null, UUID.randomUUID().toString(), companyId, name, blankToNull(request.scenarioId()),
                blankToNull(request.offlineScenarioId()), json.writeValueAsString(request.settings()), null, null, null, now, now)));
    }

    @Transactional
    public ChatView update(long companyId, String chatId, ChatRequest request) {
        Chat chat = find(companyId, chatId);
        String name = check(companyId, request);
        if (!name.equals(chat.name()) && chats.existsByCompanyIdAndName(companyId, name)) {
            throw new ConflictException("name", "chat.name.taken");
        }
        return view(chats.save(chat.edited(name, blankToNull(request.scenarioId()), blankToNull(request.offlineScenarioId()),
                json.writeValueAsString(request.settings()), clock.instant())));
    }

    /** Deletes the chat and its avatars; its sessions stay for the statistics. A linked bot's webhook is removed. */
    @Transactional
    public void delete(long companyId, String chatId) {
        Chat chat = find(companyId, chatId);
        avatars.deleteAll(chat.id());
        chats.delete(chat);
        if (chat.telegramToken() != null) {
            try {
                telegram.deleteWebhook(chat.telegramToken());
            }
            catch (TelegramClient.TelegramException alreadyGone) {
                // the token may have been revoked at Telegram; the chat is gone either way
            }
        }
    }

    public ChatView get(long companyId, String chatId) {
        return view(find(companyId, chatId));
    }

    /** A chat as its public widget shows it: anyone holding the chat's id may open the widget. */
    /** The chat as its widget shows it; a blocked company's chats are not found. */
    public ChatView publicView(String chatPublicId) {
        return view(chats.findByPublicId(chatPublicId)
            .filter(chat -> !companies.isBlocked(chat.companyId()))
            .orElseThrow(() -> new NotFoundException("Chat", chatPublicId)));
    }

    /** All chats, or those whose name or scenario's name contains {@code query} (any case). */
    public List<ChatView> search(long companyId, String query) {
        List<Chat> found = query == null || query.isBlank() ? chats.findByCompanyIdOrderByNameAsc(companyId)
                : chats.search(companyId, "%" + likeEscaped(query.strip().toLowerCase(Locale.ROOT)) + "%");
        Map<String, String> scenarioNames = new java.util.HashMap<>();
        scenarios.findByCompanyIdOrderByNameAsc(companyId).forEach(scenario -> scenarioNames.put(scenario.publicId(), scenario.name()));
        return found.stream().map(chat -> view(chat, scenarioNames::get)).toList();
    }

    /** Checks an avatar before anything is stored, so a bad picture leaves the chat unsaved. */
    public void checkAvatar(AvatarKind kind, String fileName, byte[] content) {
        ChatAvatars.check(kind, fileName, content);
    }

    public void putAvatar(long companyId, String chatId, AvatarKind kind, String fileName, byte[] content) {
        avatars.put(find(companyId, chatId).id(), kind, fileName, content);
    }

    public void deleteAvatar(long companyId, String chatId, AvatarKind kind) {
        avatars.delete(find(companyId, chatId).id(), kind);
    }

    /** An avatar for the public widget: the chat's own picture, if it has one. */
    public Optional<ChatAvatars.Image> avatar(String chatPublicId, AvatarKind kind) {
        return chats.findByPublicId(chatPublicId).flatMap(chat -> avatars.get(chat.id(), kind));
    }

    /**
     * Links a Telegram bot (seed 000, "Добавление telegram бота"): checks the token with Telegram and
     * registers Kaskad's webhook for this chat, with a secret Telegram sends back on every update.
     */
    @Transactional
    public ChatView linkTelegram(long companyId, String chatId, String token) {
        Chat chat = find(companyId, chatId);
        if (token == null || !token.strip().matches("\\d{3,20}:[A-Za-z0-9_-]{20,80}")) {
            throw new InvalidRequestException(List.of(new Problem("token", "chat.telegram.token.format")));
        }
        String secret = HexFormat.of().formatHex(bytes(24));
        String botName;
        try {
            botName = telegram.botName(token.strip());
            telegram.setWebhook(token.strip(), telegramWebhookUrl(chat.publicId()), secret);
        }
        catch (TelegramClient.TelegramException refused) {
            throw new InvalidRequestException(List.of(new Problem("token", "chat.telegram.refused", refused.getMessage())));
        }
        return view(chats.save(chat.withTelegram(token.strip(), botName, secret, clock.instant())));
    }

    @Transactional
    public ChatView unlinkTelegram(long companyId, String chatId) {
        Chat chat = find(companyId, chatId);
        if (chat.telegramToken() != null) {
            try {
                telegram.deleteWebhook(chat.telegramToken());
            }
            catch (TelegramClient.TelegramException alreadyGone) {
                // unlinking must work even when Telegram no longer knows the token
            }
        }
        return view(chats.save(chat.withTelegram(null, null, null, clock.instant())));
    }

    /** Whether a webhook call carries the secret registered for this chat's bot. */
    public boolean telegramSecretMatches(String chatPublicId, String secret) {
        return secret != null && chats.findByPublicId(chatPublicId)
            .map(chat -> chat.telegramSecret() != null && java.security.MessageDigest.isEqual(
                    chat.telegramSecret().getBytes(java.nio.charset.StandardCharsets.UTF_8), secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
            .orElse(false);
    }

    public Optional<String> telegramToken(long chatId) {
        return chats.findById(chatId).map(Chat::telegramToken);
    }

    public String telegramWebhookUrl(String chatPublicId) {
        return publicUrl.base() + "/telegram/webhook/" + chatPublicId;
    }

    public String widgetUrl(String chatPublicId) {
        return publicUrl.base() + "/widget/" + chatPublicId;
    }

    Chat find(long companyId, String chatId) {
        return chats.findByCompanyIdAndPublicId(companyId, chatId).orElseThrow(() -> new NotFoundException("Chat", chatId));
    }

    ChatSettings settings(Chat chat) {
        return json.readValue(chat.settings(), ChatSettings.class);
    }

    private byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private String check(long companyId, ChatRequest request) {
        List<Problem> problems = new ArrayList<>();
        ChatRules.check(request, problems);
        scenario("scenarioId", companyId, request.scenarioId(), problems);
        scenario("offlineScenarioId", companyId, request.offlineScenarioId(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return request.name().strip();
    }

    private void scenario(String field, long companyId, String scenarioId, List<Problem> problems) {
        if (scenarioId != null && !scenarioId.isBlank() && scenarios.findByCompanyIdAndPublicId(companyId, scenarioId.strip()).isEmpty()) {
            problems.add(new Problem(field, "chat.scenario.unknown", scenarioId));
        }
    }

    private ChatView view(Chat chat) {
        return view(chat, scenarioId -> scenarios.findByCompanyIdAndPublicId(chat.companyId(), scenarioId).map(Scenario::name).orElse(null));
    }

    /** {@code scenarioNames} gives a scenario's name by its id: one query per chat, or a company's names read once for a list. */
    private ChatView view(Chat chat, java.util.function.Function<String, String> scenarioNames) {
        ChatSettings s = settings(chat);
        Map<String, String> avatarUrls = new LinkedHashMap<>();
        for (AvatarKind kind : AvatarKind.values()) {
            avatarUrls.put(kind.pathName(), widgetUrl(chat.publicId()) + "/avatars/" + kind.pathName());
        }
        String widget = widgetUrl(chat.publicId());
        return new ChatView(chat.publicId(), chat.name(), chat.scenarioId(), scenarioName(scenarioNames, chat.scenarioId()),
                s.sessionLifetime(), chat.offlineScenarioId(), scenarioName(scenarioNames, chat.offlineScenarioId()),
                s.busyText() == null ? botTexts.busy() : s.busyText(), s.feedbackRequest(), s.feedbackPeriod(),
                s.feedbackScale(), s.robotColor(), s.operatorColor(), s.userColor(), s.buttonColor(), s.buttonTextColor(),
                s.dialogResultRequest(), s.intermediateFeedbackSeconds(), s.answerAfterFirstMessage(), s.messengerLinks(), avatarUrls,
                new ChatView.Telegram(chat.telegramToken() != null, chat.telegramBotName()), widget,
                embedCode(chat, widget),
                chat.createdAt(), chat.updatedAt());
    }

    /**
     * The code a client pastes into their site: a frame in the page's corner with the launcher (the
     * messengers' buttons and the chat's), and the script that sizes it as the chat opens and closes.
     */
    private String embedCode(Chat chat, String widget) {
        String frameId = "kaskad-chat-" + chat.publicId();
        return "<iframe id=\"" + frameId + "\" src=\"" + widget + "/launcher\" title=\"" + htmlEscaped(chat.name())
                + "\" style=\"position:fixed;right:16px;bottom:16px;width:64px;height:64px;border:0;z-index:2147483000;"
                + "background:transparent\" allowtransparency=\"true\"></iframe>\n"
                + "<script src=\"" + publicUrl.base() + "/assets/chat/embed.js\" data-frame=\"" + frameId + "\" async></script>";
    }

    private static String scenarioName(java.util.function.Function<String, String> scenarioNames, String scenarioId) {
        return scenarioId == null ? null : scenarioNames.apply(scenarioId);
    }

    private static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static String htmlEscaped(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

}
