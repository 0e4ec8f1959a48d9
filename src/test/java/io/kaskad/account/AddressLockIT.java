package io.kaskad.account;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.kaskad.support.HostileCallerTest;
import io.kaskad.support.TestAccounts;
import io.kaskad.support.TestAccounts.TestCompany;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;

/** Guessing many user names from one address locks the address, even for a real user's right password; others log in. */
@HostileCallerTest
class AddressLockIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Test
    void twentyFailuresFromOneAddressLockItForEveryUserName() throws Exception {
        TestCompany acme = accounts.company();
        String address = "203.0.113." + (1 + (int) (Math.random() * 250));
        for (int i = 0; i < 19; i++) {
            mvc.perform(login("guess-" + TestAccounts.unique(), "wrong-password", address)).andExpect(redirectedUrl("/login?error"));
        }
        // the twentieth failure locks the address
        mvc.perform(login("guess-" + TestAccounts.unique(), "wrong-password", address)).andExpect(redirectedUrlPattern("/login?locked=*"));
        mvc.perform(login(acme.username(), TestAccounts.PASSWORD, address)).andExpect(redirectedUrlPattern("/login?locked=*"));
        mvc.perform(login(acme.username(), TestAccounts.PASSWORD, "192.0.2.10")).andExpect(redirectedUrl("/"));
    }

    private static MockHttpServletRequestBuilder login(String username, String password, String address) {
        return post("/login").param("username", username).param("password", password).with(csrf()).with(request -> {
            request.setRemoteAddr(address);
            return request;
        });
    }
}
