package io.kaskad.account;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import io.kaskad.support.IntegrationTest;
import io.kaskad.support.PortalLogin;
import io.kaskad.support.TestAccounts;
import io.kaskad.support.TestAccounts.TestCompany;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Company settings, users and API keys as a client manages them in the portal. */
@IntegrationTest
class PortalSettingsIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    CompanyService companies;

    @Autowired
    UserService users;

    @Autowired
    ApiKeyService apiKeys;

    @Test
    void settingsAreSavedAndInvalidValuesAreNamedWithoutSavingAnything() throws Exception {
        TestCompany acme = accounts.company();
        MockHttpSession session = login(acme);

        mvc.perform(post("/settings").param("timezone", "Mars/Olympus").param("sendRateLimit", "0").session(session).with(csrf()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Неизвестный часовой пояс")))
            .andExpect(content().string(containsString("Значение должно быть не меньше 1")));
        mvc.perform(post("/settings").param("timezone", "Asia/Omsk").param("sendRateLimit", "lots").session(session).with(csrf()))
            .andExpect(content().string(containsString("Введите целое число")));
        assertThat(companies.get(acme.id()).timezone()).isEqualTo("Europe/Moscow");

        mvc.perform(post("/settings").param("timezone", "Asia/Omsk").param("sendRateLimit", "200").session(session).with(csrf()))
            .andExpect(redirectedUrl("/settings"))
            .andExpect(flash().attribute("success", "settings.saved"));
        assertThat(companies.get(acme.id()).timezone()).isEqualTo("Asia/Omsk");
        assertThat(companies.get(acme.id()).sendRateLimit()).isEqualTo(200);
    }

    @Test
    void aUserIsAddedAndCanLogInWhileATakenOrBadUsernameIsRefused() throws Exception {
        TestCompany acme = accounts.company();
        TestCompany other = accounts.company();
        MockHttpSession session = login(acme);
        String username = "new-" + TestAccounts.unique();

        mvc.perform(post("/settings/users").param("username", username).param("password", "long-enough-1")
                .session(session).with(csrf()))
            .andExpect(redirectedUrl("/settings/users"));
        PortalLogin.as(mvc, username, "long-enough-1");

        mvc.perform(post("/settings/users").param("username", other.username()).param("password", "long-enough-1")
                .session(session).with(csrf()))
            .andExpect(content().string(containsString("Такой логин уже занят")));
        mvc.perform(post("/settings/users").param("username", "a b").param("password", "short").session(session).with(csrf()))
            .andExpect(content().string(containsString("Логин: от 3 до 100 символов")))
            .andExpect(content().string(containsString("Длина должна быть от 10 до 72 символов")));
        assertThat(users.list(acme.id())).hasSize(2);
    }

    @Test
    void aUserIsDisabledWithAnHtmxRowSwapButNobodyDisablesThemselves() throws Exception {
        TestCompany acme = accounts.company();
        String colleague = accounts.userOf(acme);
        MockHttpSession session = login(acme);
        UserAccount colleagueAccount = users.list(acme.id()).stream().filter(u -> u.username().equals(colleague)).findFirst().orElseThrow();
        UserAccount me = users.list(acme.id()).stream().filter(u -> u.username().equals(acme.username())).findFirst().orElseThrow();

        mvc.perform(post("/settings/users/{id}/enabled", colleagueAccount.id()).param("enabled", "false")
                .header("HX-Request", "true").session(session).with(csrf()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("id=\"user-" + colleagueAccount.id() + "\"")))
            .andExpect(content().string(containsString("Отключён")))
            .andExpect(content().string(not(containsString("<html"))));
        assertThat(users.list(acme.id())).filteredOn(u -> u.username().equals(colleague)).singleElement()
            .extracting(UserAccount::enabled).isEqualTo(false);

        mvc.perform(post("/settings/users/{id}/enabled", me.id()).param("enabled", "false").session(session).with(csrf()))
            .andExpect(flash().attribute("error", "user.disable.self"));
        assertThat(users.list(acme.id())).filteredOn(u -> u.id().equals(me.id())).singleElement()
            .extracting(UserAccount::enabled).isEqualTo(true);
    }

    @Test
    void anApiKeyIsShownOnceAtCreationThenOnlyItsPrefix() throws Exception {
        TestCompany acme = accounts.company();
        MockHttpSession session = login(acme);

        String panel = mvc.perform(post("/settings/api-keys").param("name", "CRM").header("HX-Request", "true")
                .session(session).with(csrf()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("id=\"api-keys-panel\"")))
            .andExpect(content().string(not(containsString("<html"))))
            .andReturn().getResponse().getContentAsString();
        ApiKey created = apiKeys.list(acme.id()).stream().filter(k -> k.name().equals("CRM")).findFirst().orElseThrow();
        String secret = panel.replaceAll("(?s).*id=\"issued-secret\">([^<]+)<.*", "$1");
        assertThat(secret).startsWith(created.keyPrefix()).hasSize(44);
        assertThat(apiKeys.authenticate(secret)).isPresent();

        mvc.perform(get("/settings/api-keys").session(session))
            .andExpect(content().string(containsString(created.keyPrefix())))
            .andExpect(content().string(not(containsString(secret))))
            .andExpect(content().string(not(containsString("Ключей пока нет"))));
    }

    @Test
    void anApiKeyNeedsAName() throws Exception {
        TestCompany acme = accounts.company();
        mvc.perform(post("/settings/api-keys").param("name", " ").session(login(acme)).with(csrf()))
            .andExpect(content().string(containsString("Заполните поле")));
        assertThat(apiKeys.list(acme.id())).hasSize(1);
    }

    @Test
    void revokingAKeyInThePortalStopsItAtTheApi() throws Exception {
        TestCompany acme = accounts.company();
        long keyId = apiKeys.list(acme.id()).get(0).id();

        mvc.perform(post("/settings/api-keys/{id}/revoke", keyId).header("HX-Request", "true").session(login(acme)).with(csrf()))
            .andExpect(content().string(containsString("Ключ отозван")));
        mvc.perform(get("/api/v1/company").header("Authorization", acme.bearer())).andExpect(status().isUnauthorized());
    }

    @Test
    void everySectionOfThePortalMapOpens() throws Exception {
        MockHttpSession session = login(accounts.company());
        for (String path : new String[] { "/", "/tasks", "/templates", "/templates/whatsapp", "/templates/mailru", "/messages",
                "/chats", "/dialogs", "/slots", "/integrations", "/statistics", "/settings", "/settings/users",
                "/settings/api-keys", "/settings/providers" }) {
            mvc.perform(get(path).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Просмотр сообщений")));
        }
    }

    private MockHttpSession login(TestCompany company) throws Exception {
        return PortalLogin.as(mvc, company.username(), TestAccounts.PASSWORD);
    }

    @Test
    void timesAreShownInTheCompanysZoneAndTheZoneIsNamed() throws Exception {
        TestCompany acme = accounts.company();
        companies.updateSettings(acme.id(), "Asia/Omsk", 50);
        apiKeys.create(acme.id(), "Часы");
        java.time.Instant created = apiKeys.list(acme.id()).stream().filter(k -> k.name().equals("Часы")).findFirst().orElseThrow().createdAt();
        String inOmsk = java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").format(created.atZone(java.time.ZoneId.of("Asia/Omsk")));
        mvc.perform(get("/settings/api-keys").session(login(acme)))
            .andExpect(content().string(containsString(inOmsk)))
            .andExpect(content().string(containsString("время: Asia/Omsk")));
    }
}
