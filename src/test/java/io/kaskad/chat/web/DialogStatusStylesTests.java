package io.kaskad.chat.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.core.io.ClassPathResource;

import io.kaskad.chat.SessionStatus;

import static org.assertj.core.api.Assertions.assertThat;

/** Every dialog status has a badge an operator can see (they were white on transparent). */
class DialogStatusStylesTests {

    @ParameterizedTest
    @EnumSource(SessionStatus.class)
    void everyDialogStatusHasAVisibleBadge(SessionStatus status) throws IOException {
        String css = new ClassPathResource("static/assets/css/kaskad.css").getContentAsString(StandardCharsets.UTF_8);
        assertThat(css).containsPattern("\\.dialog-status\\.status-" + status.name() + " \\{ background-color: [^;]+; color: [^;]+;");
    }
}
