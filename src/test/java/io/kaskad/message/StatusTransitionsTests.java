package io.kaskad.message;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static io.kaskad.message.AttemptStatus.DELIVERED;
import static io.kaskad.message.AttemptStatus.EXPIRED;
import static io.kaskad.message.AttemptStatus.FAILED;
import static io.kaskad.message.AttemptStatus.NO_ACCOUNT;
import static io.kaskad.message.AttemptStatus.READ;
import static io.kaskad.message.AttemptStatus.SENDING;
import static io.kaskad.message.AttemptStatus.SENT;
import static org.assertj.core.api.Assertions.assertThat;

/** Which changes an attempt and a message take in which status: the rules the dispatcher applies under the messages' locks. */
class StatusTransitionsTests {

    @Test
    void onlyAnAttemptStillBeingSentTakesItsCallsAnswer() {
        assertThat(from(AttemptStatus::awaitsAnswer)).containsExactly(SENDING);
    }

    @Test
    void onlyASentAttemptExpiresForWantOfAReport() {
        assertThat(from(AttemptStatus::awaitsReport)).containsExactly(SENT);
    }

    @Test
    void aReportMayOvertakeTheAnswerAndALateDeliveryFollowsAnExpiry() {
        assertThat(from(status -> status.takesReport(DELIVERED))).containsExactlyInAnyOrder(SENDING, SENT, EXPIRED);
        assertThat(from(status -> status.takesReport(READ))).containsExactlyInAnyOrder(SENDING, SENT, DELIVERED, EXPIRED);
        for (AttemptStatus failure : Set.of(FAILED, NO_ACCOUNT, EXPIRED)) {
            assertThat(from(status -> status.takesReport(failure))).as(failure.name()).containsExactlyInAnyOrder(SENDING, SENT);
        }
        assertThat(from(status -> status.takesReport(SENT))).as("SENT is an answer, never a report").isEmpty();
    }

    @Test
    void aClaimOnlyMovesAMessageForward() {
        assertThat(MessageStatus.CREATED.claimMovesTo(MessageStatus.PENDING)).isTrue();
        assertThat(MessageStatus.CREATED.claimMovesTo(MessageStatus.SENDING)).isTrue();
        assertThat(MessageStatus.PENDING.claimMovesTo(MessageStatus.SENDING)).isTrue();
        assertThat(MessageStatus.PENDING.claimMovesTo(MessageStatus.PENDING)).isFalse();
        assertThat(MessageStatus.SENDING.claimMovesTo(MessageStatus.PENDING)).as("never back").isFalse();
        assertThat(MessageStatus.DELIVERED.claimMovesTo(MessageStatus.SENDING)).isFalse();
    }

    @Test
    void aMessageFollowsItsCascadeUnlessAPersonOrTheIntakeDecidedIt() {
        assertThat(MessageStatus.SENDING.followsCascadeTo(MessageStatus.DELIVERED)).isTrue();
        assertThat(MessageStatus.UNDELIVERED.followsCascadeTo(MessageStatus.DELIVERED)).as("a late delivery report still counts")
            .isTrue();
        assertThat(MessageStatus.SENDING.followsCascadeTo(MessageStatus.SENDING)).isFalse();
        assertThat(MessageStatus.CREATED.followsCascadeTo(MessageStatus.PENDING)).as("not yet due stays created").isFalse();
        assertThat(MessageStatus.CANCELLED.followsCascadeTo(MessageStatus.DELIVERED)).isFalse();
        assertThat(MessageStatus.REJECTED.followsCascadeTo(MessageStatus.UNDELIVERED)).isFalse();
    }

    private static Set<AttemptStatus> from(java.util.function.Predicate<AttemptStatus> takes) {
        Set<AttemptStatus> statuses = EnumSet.noneOf(AttemptStatus.class);
        for (AttemptStatus status : AttemptStatus.values()) {
            if (takes.test(status)) {
                statuses.add(status);
            }
        }
        return statuses;
    }
}
