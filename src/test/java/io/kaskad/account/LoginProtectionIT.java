package io.kaskad.account;

import java.util.concurrent.ThreadLocalRandom;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.kaskad.support.IntegrationTest;
import io.kaskad.support.PortalLogin;
import io.kaskad.support.TestAccounts;
import io.kaskad.support.TestAccounts.TestCompany;
import io.kaskad.support.TestAdmins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;

/**
 * Password guessing is slowed down: a user name is locked at the fifth wrong password (the right one is refused
 * too while the lock lasts; AddressLockIT has the address rule) for browsers that never signed in as that user,
 * while the user's own browser (its device cookie) keeps signing in; admins see the attack and lift a lock, and
 * passwords must be long, not the user name and not a common one.
 */
@IntegrationTest
class LoginProtectionIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Test
    void fiveWrongPasswordsLockTheUserUntilAnAdminLiftsTheLock() throws Exception {
        TestCompany acme = accounts.company();
        String address = randomAddress();
        for (int i = 0; i < 4; i++) {
            mvc.perform(login(acme.username(), "wrong-password-" + i, address)).andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(login(acme.username(), "wrong-password-5", address)).andExpect(redirectedUrl("/login?locked=1"));
        // the lock holds whatever the password and the address
        mvc.perform(login(acme.username(), TestAccounts.PASSWORD, randomAddress())).andExpect(redirectedUrlPattern("/login?locked=*"));
        mvc.perform(get("/login").param("locked", "1")).andExpect(content().string(containsString("Слишком много неудачных попыток")));

        MockHttpSession admin = PortalLogin.as(mvc, TestAdmins.USERNAME, TestAdmins.PASSWORD);
        mvc.perform(get("/admin/login-locks").session(admin)).andExpect(content().string(containsString(acme.username())));
        mvc.perform(post("/admin/login-locks/lift").param("key", "user:" + acme.username().toLowerCase()).session(admin).with(csrf()))
            .andExpect(redirectedUrl("/admin/login-locks"));
        // no lock is left to lift; the attempts stay listed among the last hour's
        mvc.perform(get("/admin/login-locks").session(admin))
            .andExpect(content().string(not(containsString("value=\"user:" + acme.username().toLowerCase() + "\""))));

        mvc.perform(login(acme.username(), TestAccounts.PASSWORD, address)).andExpect(redirectedUrl("/"));
    }

    /** OWASP's device cookie: an attacker who knows a user name cannot keep that user out of their own browser. */
    @Test
    void anAttackOnAUserNameLocksOutStrangersButNotTheBrowserTheUserSignedInFrom() throws Exception {
        TestCompany acme = accounts.company();
        Cookie device = mvc.perform(login(acme.username(), TestAccounts.PASSWORD, randomAddress())).andExpect(redirectedUrl("/"))
            .andReturn().getResponse().getCookie(DeviceCookies.NAME);
        assertThat(device).isNotNull();
        assertThat(device.isHttpOnly()).isTrue();
        assertThat(device.getValue()).doesNotContain(acme.username());

        for (int i = 0; i < 12; i++) { // from many addresses, as a botnet would
            mvc.perform(login(acme.username(), "guess-" + i, randomAddress()));
        }
        mvc.perform(login(acme.username(), TestAccounts.PASSWORD, randomAddress())).andExpect(redirectedUrlPattern("/login?locked=*"));

        // the user's own browser is judged by its own count: a typo is an error, the right password signs in
        mvc.perform(login(acme.username(), "a-typo-of-mine", randomAddress()).cookie(device)).andExpect(redirectedUrl("/login?error"));
        mvc.perform(login(acme.username(), TestAccounts.PASSWORD, randomAddress()).cookie(device)).andExpect(redirectedUrl("/"));
        // a device cookie for another user name, or a forged one, is no device cookie
        Cookie forged = new Cookie(DeviceCookies.NAME, device.getValue().substring(0, device.getValue().indexOf('.')) + ".forged");
        mvc.perform(login(acme.username(), TestAccounts.PASSWORD, randomAddress()).cookie(forged)).andExpect(redirectedUrlPattern("/login?locked=*"));
        TestCompany beta = accounts.company();
        mvc.perform(login(beta.username(), "guess", randomAddress()).cookie(device)).andExpect(redirectedUrl("/login?error"));

        // a device's own wrong passwords lock that device only
        for (int i = 0; i < 5; i++) {
            mvc.perform(login(acme.username(), "stolen-laptop-" + i, randomAddress()).cookie(device));
        }
        mvc.perform(login(acme.username(), TestAccounts.PASSWORD, randomAddress()).cookie(device)).andExpect(redirectedUrlPattern("/login?locked=*"));

        MockHttpSession admin = PortalLogin.as(mvc, TestAdmins.USERNAME, TestAdmins.PASSWORD);
        mvc.perform(get("/admin/login-locks").session(admin))
            .andExpect(content().string(containsString("id=\"login-attacks\"")))
            .andExpect(content().string(containsString(acme.username())))
            .andExpect(content().string(containsString("устройство")));
    }

    @Test
    void passwordsMustBeLongNotTheUserNameAndNotCommon() throws Exception {
        TestCompany acme = accounts.company();
        MockHttpSession session = PortalLogin.as(mvc, acme.username(), TestAccounts.PASSWORD);
        String username = "user-" + TestAccounts.unique();
        addUser(session, username, "Short-1").andExpect(content().string(containsString("от 10 до 72 символов")));
        addUser(session, username, "x" + username + "-2026").andExpect(content().string(containsString("не должен содержать логин")));
        addUser(session, username, "Q1W2E3R4T5").andExpect(content().string(containsString("самых распространённых паролей")));
        addUser(session, username, "Correct-Horse-Battery-7").andExpect(redirectedUrl("/settings/users"));
    }

    private org.springframework.test.web.servlet.ResultActions addUser(MockHttpSession session, String username, String password)
            throws Exception {
        return mvc.perform(post("/settings/users").param("username", username).param("password", password).session(session).with(csrf()));
    }

    private static MockHttpServletRequestBuilder login(String username, String password, String address) {
        return post("/login").param("username", username).param("password", password).with(csrf()).with(request -> {
            request.setRemoteAddr(address);
            return request;
        });
    }

    private static String randomAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198.51." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }
}
