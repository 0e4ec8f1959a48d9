package io.kaskad.message;

import java.util.ArrayList;
import java.util.List;

/**
 * The cascade rules of DESIGN.md, as pure functions over a message's attempts in channel order.
 * <ol>
 * <li>When a message becomes due, the first non-required attempt and every {@code required} attempt
 * are queued; required attempts run whatever the cascade does.</li>
 * <li>When a non-required attempt is delivered (or read), the non-required attempts not yet handed to
 * a provider are skipped. When it fails, finds no account or expires, the next one is queued.</li>
 * <li>A delivery report that arrives after the fallback ran still marks its attempt delivered
 * (statistics count it as a duplicate delivery) and skips what has not been sent yet.</li>
 * <li>The message is final when every attempt is: delivered if any attempt was.</li>
 * </ol>
 */
final class Cascade {

    private Cascade() {
    }

    /** An attempt as the cascade sees it. */
    record Step(int step, boolean required, AttemptStatus status) {

        Step with(AttemptStatus newStatus) {
            return new Step(step, required, newStatus);
        }
    }

    static List<AttemptStatus> initialStatuses(List<Boolean> required) {
        List<AttemptStatus> statuses = new ArrayList<>();
        boolean chainStarted = false;
        for (boolean isRequired : required) {
            if (isRequired || !chainStarted) {
                statuses.add(AttemptStatus.QUEUED);
                chainStarted |= !isRequired;
            }
            else {
                statuses.add(AttemptStatus.WAITING);
            }
        }
        return statuses;
    }

    /**
     * The attempts after {@code changed} reached its new status (already applied in {@code steps}):
     * which attempts to queue or skip. Answers the full list with the decisions applied.
     */
    static List<Step> afterChange(List<Step> steps, Step changed) {
        List<Step> result = new ArrayList<>(steps);
        if (changed.required()) {
            return result;
        }
        if (changed.status().isDelivered()) {
            for (int i = 0; i < result.size(); i++) {
                Step step = result.get(i);
                if (!step.required() && (step.status() == AttemptStatus.WAITING || step.status() == AttemptStatus.QUEUED)) {
                    result.set(i, step.with(AttemptStatus.SKIPPED));
                }
            }
        }
        else if (changed.status().isFallback() && !chainDelivered(result)) {
            for (int i = 0; i < result.size(); i++) {
                Step step = result.get(i);
                if (!step.required() && step.step() > changed.step() && step.status() == AttemptStatus.WAITING) {
                    result.set(i, step.with(AttemptStatus.QUEUED));
                    break;
                }
            }
        }
        return result;
    }

    /** The message's status implied by its attempts (for a message that is due, not cancelled or rejected). */
    static MessageStatus messageStatus(List<Step> steps) {
        boolean allFinal = steps.stream().allMatch(step -> step.status().isFinal());
        boolean delivered = steps.stream().anyMatch(step -> step.status().isDelivered());
        if (allFinal) {
            return delivered ? MessageStatus.DELIVERED : MessageStatus.UNDELIVERED;
        }
        boolean handed = steps.stream().anyMatch(step -> step.status().isHandedToProvider());
        return handed || delivered ? MessageStatus.SENDING : MessageStatus.PENDING;
    }

    private static boolean chainDelivered(List<Step> steps) {
        return steps.stream().anyMatch(step -> !step.required() && step.status().isDelivered());
    }
}
