package io.kaskad.web;

import jakarta.servlet.RequestDispatcher;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import io.kaskad.support.IntegrationTest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/**
 * The servlet container forwards errors to /error, which MockMvc does not do by itself; these
 * requests play that forward so that each status shows its page in the portal's style.
 */
@IntegrationTest
class ErrorPagesIT {

    @Autowired
    MockMvc mvc;

    @Test
    void eachStatusHasItsOwnPageInRussian() throws Exception {
        expectPage(403, "Доступ запрещён");
        expectPage(404, "Страница не найдена");
        expectPage(500, "Внутренняя ошибка");
        expectPage(400, "Запрос не выполнен");
    }

    @Test
    void errorPagesFollowTheChosenLanguage() throws Exception {
        mvc.perform(get("/error").param("lang", "en").accept(MediaType.TEXT_HTML)
                .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 404))
            .andExpect(content().string(containsString("Page not found")));
    }

    @Test
    void noErrorPageShowsAMissingMessageKeyInEitherLanguage() throws Exception {
        for (String language : new String[] { "ru", "en" }) {
            for (int status : new int[] { 400, 401, 403, 404, 405, 409, 413, 429, 500, 503 }) {
                mvc.perform(get("/error").param("lang", language).accept(MediaType.TEXT_HTML)
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, status)
                        .requestAttr(RequestDispatcher.ERROR_MESSAGE, "reason"))
                    .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                    .andExpect(content().string(not(containsString("??"))));
            }
        }
    }

    private void expectPage(int status, String title) throws Exception {
        mvc.perform(get("/error").accept(MediaType.TEXT_HTML).requestAttr(RequestDispatcher.ERROR_STATUS_CODE, status))
            .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
            .andExpect(content().string(containsString(title)))
            .andExpect(content().string(containsString("/assets/css/kaskad.css")));
    }
}
