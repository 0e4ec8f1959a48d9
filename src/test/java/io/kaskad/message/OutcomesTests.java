package io.kaskad.message;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.kaskad.channel.Channel;

import static org.assertj.core.api.Assertions.assertThat;

/** The unknown-outcome rule: an attempt whose provider answer was lost is never failed (that would send the next channel). */
class OutcomesTests {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private static final AttemptRow SENDING = new AttemptRow(7, 3, 1, 0, Channel.SMS, false, AttemptStatus.SENDING, "79160000000", "x",
            null, NOW.minusSeconds(1), null, null, null, null, null, null, null, null, 0, null);

    @Test
    void handedOverToAProviderThatReportsItWaitsForTheReportWithinValidity() {
        Instant handedOver = NOW.minus(Duration.ofMinutes(3));
        AttemptRow after = Outcomes.afterLostAnswer(SENDING, handedOver, true, "SMSC", handedOver.plus(Duration.ofMinutes(30)), NOW);
        assertThat(after.status()).isEqualTo(AttemptStatus.SENT);
        assertThat(after.status().isFallback()).isFalse();
        assertThat(after.dueAt()).isEqualTo(handedOver.plus(Duration.ofMinutes(30)));
        assertThat(after.sentAt()).isEqualTo(handedOver);
        assertThat(after.errorCode()).isEqualTo("OUTCOME_UNKNOWN");
        assertThat(after.provider()).isEqualTo("SMSC");
    }

    @Test
    void handedOverToAProviderThatNeverReportsItCountsAsDelivered() {
        AttemptRow after = Outcomes.afterLostAnswer(SENDING, NOW.minus(Duration.ofMinutes(3)), false, "TELEGRAM",
                NOW.plus(Duration.ofMinutes(27)), NOW);
        assertThat(after.status()).isEqualTo(AttemptStatus.DELIVERED);
    }

    @Test
    void neverHandedOverItIsQueuedAgain() {
        AttemptRow after = Outcomes.afterLostAnswer(SENDING, null, true, "SMSC", null, NOW);
        assertThat(after.status()).isEqualTo(AttemptStatus.QUEUED);
        assertThat(after.dueAt()).isEqualTo(NOW);
    }

    @Test
    void parkedReportsTryAgainSoonThenLessOften() {
        assertThat(ParkedReports.pauseAfter(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(ParkedReports.pauseAfter(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(ParkedReports.pauseAfter(4)).isEqualTo(Duration.ofSeconds(4));
        assertThat(ParkedReports.pauseAfter(30)).isEqualTo(Duration.ofMinutes(2));
    }
}
