package io.kaskad.chat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.kaskad.common.InvalidRequestException.Problem;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** A session's start and a client's message: every field at fault named, nothing refused that seed 003 allows. */
class SessionRulesTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aPlainWebStartPasses() {
        assertThat(SessionRules.startProblems(StartSessionRequest.web(), botId -> false, json)).isEmpty();
    }

    @Test
    void everyFieldAtFaultIsNamedAtOnce() {
        StartSessionRequest request = new StartSessionRequest("n".repeat(201), "no-such-bot", null, 0, "PIGEON", null, null,
                List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"), null, "not-a-uuid", null, "+7 (916) 12", "not-mail", null,
                900, Map.of(), null);
        List<String> fields = SessionRules.startProblems(request, botId -> false, json).stream().map(Problem::field).toList();
        assertThat(fields).containsExactlyInAnyOrder("sessionTtl", "messengerType", "botId", "clientId", "clientEmail", "clientPhone",
                "clientTimezone", "name", "messageAttachments");
    }

    @Test
    void aPhoneIsCheckedAsTheSendApiChecksIt() {
        StartSessionRequest decorated = new StartSessionRequest(null, "bot", null, null, "telegram", null, null, null, null, null, null,
                "+7 (916) 123-45-67", null, null, null, null, null);
        assertThat(SessionRules.startProblems(decorated, "bot"::equals, json)).isEmpty();
        assertThat(SessionRules.messengerType(decorated)).isEqualTo("TELEGRAM");
    }

    @Test
    void aClientMessageNeedsATextWithinItsLimit() {
        assertThat(SessionRules.clientMessageProblems(new ClientMessageRequest(" ", null, null))).extracting(Problem::field)
            .containsExactly("body");
        assertThat(SessionRules.clientMessageProblems(new ClientMessageRequest("x".repeat(SessionRules.BODY_MAX + 1), null, "r".repeat(65))))
            .extracting(Problem::field)
            .containsExactly("body", "replyToMessageId");
        assertThat(SessionRules.clientMessageProblems(new ClientMessageRequest("Здравствуйте", List.of("file-1"), null))).isEmpty();
    }
}
