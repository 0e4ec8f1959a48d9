package io.kaskad.account.web;

import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.kaskad.account.ApiKeyService;
import io.kaskad.account.PortalUser;

/**
 * "API-ключи": create (the key is shown once, in the answer to the create request), list, revoke.
 * With htmx the keys panel is swapped in place; without it the whole page is rendered.
 */
@Controller
@RequestMapping("/settings/api-keys")
class ApiKeyController {

    private static final String PAGE = "settings/api-keys";
    private static final String PANEL = "settings/api-keys :: panel";

    private final ApiKeyService apiKeys;

    ApiKeyController(ApiKeyService apiKeys) {
        this.apiKeys = apiKeys;
    }

    @GetMapping
    String list(@AuthenticationPrincipal PortalUser user, Model model) {
        model.addAttribute("form", NewApiKeyForm.empty());
        model.addAttribute("keys", apiKeys.list(user.companyId()));
        return PAGE;
    }

    @PostMapping
    String create(@AuthenticationPrincipal PortalUser user, @Valid @ModelAttribute("form") NewApiKeyForm form,
            BindingResult errors, HtmxRequest htmx, Model model) {
        if (!errors.hasErrors()) {
            model.addAttribute("issued", apiKeys.create(user.companyId(), form.name().strip()));
            model.addAttribute("form", NewApiKeyForm.empty());
        }
        model.addAttribute("keys", apiKeys.list(user.companyId()));
        return htmx.isHtmxRequest() ? PANEL : PAGE;
    }

    @PostMapping("/{keyId}/revoke")
    String revoke(@AuthenticationPrincipal PortalUser user, @PathVariable long keyId, HtmxRequest htmx, Model model) {
        apiKeys.revoke(user.companyId(), keyId);
        model.addAttribute("form", NewApiKeyForm.empty());
        model.addAttribute("keys", apiKeys.list(user.companyId()));
        model.addAttribute("revoked", true);
        return htmx.isHtmxRequest() ? PANEL : PAGE;
    }
}
