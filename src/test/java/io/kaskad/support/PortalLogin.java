package io.kaskad.support;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;

/** Logs in through the real login form and hands back the session, as a browser would keep it. */
public final class PortalLogin {

    private PortalLogin() {
    }

    public static MockHttpSession as(MockMvc mvc, String username, String password) throws Exception {
        MvcResult result = mvc.perform(formLogin("/login").user(username).password(password)).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).as("login of " + username).isEqualTo("/");
        return (MockHttpSession) result.getRequest().getSession(false);
    }
}
