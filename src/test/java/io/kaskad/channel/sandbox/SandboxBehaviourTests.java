package io.kaskad.channel.sandbox;

import org.junit.jupiter.api.Test;

import io.kaskad.channel.Channel;
import io.kaskad.channel.OutboundMessage.Recipient;

import static io.kaskad.channel.sandbox.SandboxBehaviour.DELIVER;
import static io.kaskad.channel.sandbox.SandboxBehaviour.DELIVER_THEN_READ;
import static io.kaskad.channel.sandbox.SandboxBehaviour.FAIL;
import static io.kaskad.channel.sandbox.SandboxBehaviour.NEVER_REPORT;
import static io.kaskad.channel.sandbox.SandboxBehaviour.NO_ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

/** The test-destination table of the README and docs/design.md. */
class SandboxBehaviourTests {

    @Test
    void realLookingDestinationsDeliver() {
        for (Channel channel : Channel.values()) {
            assertThat(SandboxBehaviour.of(channel, phone("79161234567"))).isEqualTo(DELIVER);
        }
    }

    @Test
    void theLastDigitOfATestDestinationPicksTheOutcome() {
        assertThat(SandboxBehaviour.of(Channel.SMS, phone("70000000001"))).isEqualTo(FAIL);
        assertThat(SandboxBehaviour.of(Channel.VIBER, phone("70000000001"))).isEqualTo(DELIVER);
        assertThat(SandboxBehaviour.of(Channel.WHATSAPP, phone("+70000000002"))).isEqualTo(NO_ACCOUNT);
        assertThat(SandboxBehaviour.of(Channel.OK, phone("70000000002"))).isEqualTo(NO_ACCOUNT);
        assertThat(SandboxBehaviour.of(Channel.SMS, phone("70000000002"))).isEqualTo(DELIVER);
        assertThat(SandboxBehaviour.of(Channel.CHAT, phone("70000000002"))).isEqualTo(DELIVER);
        assertThat(SandboxBehaviour.of(Channel.EMAIL, phone("70000000003"))).isEqualTo(NEVER_REPORT);
        assertThat(SandboxBehaviour.of(Channel.PUSH, phone("70000000004"))).isEqualTo(FAIL);
        assertThat(SandboxBehaviour.of(Channel.TELEGRAM, new Recipient(null, null, "70000000005", null)))
            .isEqualTo(DELIVER_THEN_READ);
    }

    private static Recipient phone(String phone) {
        return new Recipient(phone, null, null, null);
    }
}
