package io.kaskad.web;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/** With the database connections killed, a send answers 503 with Retry-After (nothing was stored), not a bare 500. */
class DatabaseUnavailableTests {

    @Test
    void aLostDatabaseIsA503WithRetryAfter() {
        ApiExceptionHandler handler = new ApiExceptionHandler(new StaticMessageSource());
        ResponseEntity<ProblemDetail> answer = handler.databaseUnavailable(new CannotGetJdbcConnectionException("Connection is not available"));
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(answer.getBody().getDetail()).contains("Nothing was stored").doesNotContain("Connection is not available");
    }
}
