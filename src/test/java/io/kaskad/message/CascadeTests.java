package io.kaskad.message;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.kaskad.message.Cascade.Step;

import static io.kaskad.message.AttemptStatus.CANCELLED;
import static io.kaskad.message.AttemptStatus.DELIVERED;
import static io.kaskad.message.AttemptStatus.EXPIRED;
import static io.kaskad.message.AttemptStatus.FAILED;
import static io.kaskad.message.AttemptStatus.NO_ACCOUNT;
import static io.kaskad.message.AttemptStatus.QUEUED;
import static io.kaskad.message.AttemptStatus.READ;
import static io.kaskad.message.AttemptStatus.SENT;
import static io.kaskad.message.AttemptStatus.SKIPPED;
import static io.kaskad.message.AttemptStatus.WAITING;
import static org.assertj.core.api.Assertions.assertThat;

class CascadeTests {

    @Test
    void theFirstChannelAndEveryRequiredOneAreQueuedAtFirst() {
        assertThat(Cascade.initialStatuses(List.of(false, false, false))).containsExactly(QUEUED, WAITING, WAITING);
        assertThat(Cascade.initialStatuses(List.of(true, false, true, false))).containsExactly(QUEUED, QUEUED, QUEUED, WAITING);
        assertThat(Cascade.initialStatuses(List.of(true))).containsExactly(QUEUED);
    }

    @Test
    void aFailureQueuesTheNextChannel() {
        for (AttemptStatus fallback : List.of(FAILED, NO_ACCOUNT, EXPIRED)) {
            List<Step> after = Cascade.afterChange(steps(step(0, fallback), step(1, WAITING), step(2, WAITING)), step(0, fallback));
            assertThat(statuses(after)).as(fallback.name()).containsExactly(fallback, QUEUED, WAITING);
        }
    }

    @Test
    void aDeliverySkipsTheRestOfTheChainButNotRequiredChannels() {
        List<Step> steps = steps(step(0, DELIVERED), step(1, WAITING), new Step(2, true, SENT), step(3, WAITING));
        assertThat(statuses(Cascade.afterChange(steps, step(0, DELIVERED)))).containsExactly(DELIVERED, SKIPPED, SENT, SKIPPED);
    }

    @Test
    void aRequiredChannelNeverMovesTheChain() {
        Step required = new Step(0, true, FAILED);
        List<Step> steps = steps(required, step(1, SENT), step(2, WAITING));
        assertThat(statuses(Cascade.afterChange(steps, required))).containsExactly(FAILED, SENT, WAITING);
    }

    @Test
    void aLateDeliveryAfterTheFallbackSkipsWhatHasNotBeenSent() {
        List<Step> steps = steps(step(0, DELIVERED), step(1, QUEUED), step(2, WAITING));
        assertThat(statuses(Cascade.afterChange(steps, step(0, DELIVERED)))).containsExactly(DELIVERED, SKIPPED, SKIPPED);
    }

    @Test
    void aLateFailureOfTheFirstChannelDoesNotQueueMoreOnceTheChainDelivered() {
        List<Step> steps = steps(step(0, FAILED), step(1, DELIVERED), step(2, WAITING));
        assertThat(statuses(Cascade.afterChange(steps, step(0, FAILED)))).containsExactly(FAILED, DELIVERED, WAITING);
    }

    @Test
    void theMessageIsFinalWhenEveryAttemptIs() {
        assertThat(Cascade.messageStatus(steps(step(0, QUEUED), step(1, WAITING)))).isEqualTo(MessageStatus.PENDING);
        assertThat(Cascade.messageStatus(steps(step(0, SENT), step(1, WAITING)))).isEqualTo(MessageStatus.SENDING);
        assertThat(Cascade.messageStatus(steps(step(0, FAILED), step(1, QUEUED)))).isEqualTo(MessageStatus.SENDING);
        assertThat(Cascade.messageStatus(steps(step(0, READ), step(1, SKIPPED)))).isEqualTo(MessageStatus.DELIVERED);
        assertThat(Cascade.messageStatus(steps(step(0, FAILED), step(1, EXPIRED)))).isEqualTo(MessageStatus.UNDELIVERED);
        assertThat(Cascade.messageStatus(steps(step(0, DELIVERED), new Step(1, true, SENT)))).isEqualTo(MessageStatus.SENDING);
        assertThat(Cascade.messageStatus(steps(step(0, CANCELLED)))).isEqualTo(MessageStatus.UNDELIVERED);
    }

    private static Step step(int index, AttemptStatus status) {
        return new Step(index, false, status);
    }

    private static List<Step> steps(Step... steps) {
        return List.of(steps);
    }

    private static List<AttemptStatus> statuses(List<Step> steps) {
        return steps.stream().map(Step::status).toList();
    }
}
