package io.kaskad.chat.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRedirectView;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

import io.kaskad.account.PortalUser;
import io.kaskad.chat.AvatarKind;
import io.kaskad.chat.ChatService;
import io.kaskad.chat.ChatView;
import io.kaskad.chat.MessengerLink;
import io.kaskad.chat.ScenarioService;
import io.kaskad.common.ConflictException;
import io.kaskad.common.InvalidRequestException;

/**
 * "Чаты – Настройки": the list with live search (by chat or scenario name), the "Новый чат" form with
 * avatars, the iframe code, linking a Telegram bot, and deleting with confirmation.
 */
@Controller
class ChatPortalController {

    private final ChatService chats;
    private final ScenarioService scenarios;
    private final MessageSource texts;

    ChatPortalController(ChatService chats, ScenarioService scenarios, MessageSource texts) {
        this.chats = chats;
        this.scenarios = scenarios;
        this.texts = texts;
    }

    @GetMapping("/chats")
    String list(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) String q, Model model) {
        model.addAttribute("chats", chats.search(user.companyId(), q));
        model.addAttribute("q", q);
        return "chats/list";
    }

    /** The rows alone, swapped in by htmx as the client types in the search box. */
    @GetMapping("/chats/rows")
    String rows(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) String q, Model model) {
        model.addAttribute("chats", chats.search(user.companyId(), q));
        model.addAttribute("q", q);
        return "chats/list :: rows";
    }

    @GetMapping("/chats/new")
    String create(@AuthenticationPrincipal PortalUser user, Model model) {
        return form(user, model, new ChatForm(), null);
    }

    @PostMapping("/chats")
    String save(@AuthenticationPrincipal PortalUser user, @ModelAttribute("form") ChatForm form, Model model, RedirectAttributes redirect) {
        try {
            Map<AvatarKind, MultipartFile> avatars = avatars(form);
            ChatView chat = chats.create(user.companyId(), form.toRequest());
            storeAvatars(user, chat.id(), avatars);
            redirect.addFlashAttribute("success", "chats.saved");
            return "redirect:/chats";
        }
        catch (InvalidRequestException | ConflictException | IOException refused) {
            model.addAttribute("problems", problems(refused));
            return form(user, model, form, null);
        }
    }

    @GetMapping("/chats/{chatId}/edit")
    String edit(@AuthenticationPrincipal PortalUser user, @PathVariable String chatId, Model model) {
        return form(user, model, ChatForm.of(chats.get(user.companyId(), chatId)), chatId);
    }

    @PostMapping("/chats/{chatId}")
    String update(@AuthenticationPrincipal PortalUser user, @PathVariable String chatId, @ModelAttribute("form") ChatForm form, Model model,
            RedirectAttributes redirect) {
        try {
            Map<AvatarKind, MultipartFile> avatars = avatars(form);
            chats.update(user.companyId(), chatId, form.toRequest());
            storeAvatars(user, chatId, avatars);
            redirect.addFlashAttribute("success", "chats.saved");
            return "redirect:/chats";
        }
        catch (InvalidRequestException | ConflictException | IOException refused) {
            model.addAttribute("problems", problems(refused));
            return form(user, model, form, chatId);
        }
    }

    @PostMapping("/chats/{chatId}/delete")
    View delete(@AuthenticationPrincipal PortalUser user, @PathVariable String chatId, HtmxRequest htmx, RedirectAttributes redirect) {
        chats.delete(user.companyId(), chatId);
        redirect.addFlashAttribute("success", "chats.deleted");
        return htmx.isHtmxRequest() ? new HtmxRedirectView("/chats") : new RedirectView("/chats");
    }

    @PostMapping("/chats/{chatId}/telegram")
    String linkTelegram(@AuthenticationPrincipal PortalUser user, @PathVariable String chatId, @RequestParam String token,
            RedirectAttributes redirect) {
        try {
            chats.linkTelegram(user.companyId(), chatId, token);
            redirect.addFlashAttribute("success", "chats.telegram.linked");
        }
        catch (InvalidRequestException refused) {
            redirect.addFlashAttribute("problems", problems(refused));
        }
        return "redirect:/chats";
    }

    @PostMapping("/chats/{chatId}/telegram/unlink")
    String unlinkTelegram(@AuthenticationPrincipal PortalUser user, @PathVariable String chatId, RedirectAttributes redirect) {
        chats.unlinkTelegram(user.companyId(), chatId);
        redirect.addFlashAttribute("success", "chats.telegram.unlinked");
        return "redirect:/chats";
    }

    private String form(PortalUser user, Model model, ChatForm form, String chatId) {
        model.addAttribute("form", form);
        model.addAttribute("chatId", chatId);
        model.addAttribute("scenarios", scenarios.list(user.companyId()));
        model.addAttribute("messengers", MessengerLink.values());
        return "chats/edit";
    }

    /** Every chosen picture is checked before anything is saved. */
    private Map<AvatarKind, MultipartFile> avatars(ChatForm form) throws IOException {
        Map<AvatarKind, MultipartFile> chosen = new LinkedHashMap<>();
        put(chosen, AvatarKind.ROBOT, form.getRobotAvatar());
        put(chosen, AvatarKind.OPERATOR, form.getOperatorAvatar());
        put(chosen, AvatarKind.CHAT, form.getChatAvatar());
        for (Map.Entry<AvatarKind, MultipartFile> avatar : chosen.entrySet()) {
            chats.checkAvatar(avatar.getKey(), avatar.getValue().getOriginalFilename(), avatar.getValue().getBytes());
        }
        return chosen;
    }

    private void storeAvatars(PortalUser user, String chatId, Map<AvatarKind, MultipartFile> avatars) throws IOException {
        for (Map.Entry<AvatarKind, MultipartFile> avatar : avatars.entrySet()) {
            chats.putAvatar(user.companyId(), chatId, avatar.getKey(), avatar.getValue().getOriginalFilename(), avatar.getValue().getBytes());
        }
    }

    private static void put(Map<AvatarKind, MultipartFile> chosen, AvatarKind kind, MultipartFile file) {
        if (file != null && !file.isEmpty()) {
            chosen.put(kind, file);
        }
    }

    private List<String> problems(Exception refused) {
        List<String> problems = new ArrayList<>();
        if (refused instanceof InvalidRequestException invalid) {
            invalid.problems().forEach(p -> problems.add(texts.getMessage("chats.field." + p.field().replaceAll("\\..*", ""), null,
                    p.field(), LocaleContextHolder.getLocale()) + ": "
                    + texts.getMessage(p.messageCode(), p.args(), p.messageCode(), LocaleContextHolder.getLocale())));
        }
        else if (refused instanceof ConflictException conflict) {
            problems.add(texts.getMessage(conflict.messageCode(), null, LocaleContextHolder.getLocale()));
        }
        else {
            problems.add(refused.getMessage());
        }
        return problems;
    }
}
