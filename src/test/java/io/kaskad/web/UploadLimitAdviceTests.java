package io.kaskad.web;

import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.ModelAndView;

import static org.assertj.core.api.Assertions.assertThat;

/** An upload above the multipart limit (refused before any controller) is answered in words, not an empty 413. */
class UploadLimitAdviceTests {

    private final UploadLimitAdvice advice = new UploadLimitAdvice(DataSize.ofMegabytes(210));

    @Test
    void theApiAnswersProblemJsonNamingTheFileAndTheLimit() {
        Object answer = advice.tooLarge(new MockHttpServletRequest("POST", "/api/v1/tasks"));
        assertThat(answer).isInstanceOfSatisfying(ResponseEntity.class, response -> {
            assertThat(response.getStatusCode().value()).isEqualTo(413);
            assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
            ProblemDetail problem = (ProblemDetail) response.getBody();
            assertThat(problem.getDetail()).contains("210 MB");
            assertThat(problem.getProperties()).containsKey("errors");
        });
    }

    @Test
    void thePortalShowsAPageThatSaysSo() {
        Object answer = advice.tooLarge(new MockHttpServletRequest("POST", "/tasks"));
        assertThat(answer).isInstanceOfSatisfying(ModelAndView.class, page -> {
            assertThat(page.getViewName()).isEqualTo("error/413");
            assertThat(page.getModel()).containsEntry("limit", 210L);
        });
    }
}
