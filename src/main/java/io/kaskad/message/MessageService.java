package io.kaskad.message;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import io.kaskad.common.NotFoundException;
import io.kaskad.provider.ProviderConnections;

/** Sending, reading and cancelling a company's messages. Every method is scoped by company id. */
@Service
public class MessageService {

    /** How long an Idempotency-Key is remembered. */
    public static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);

    private final SendPlanner planner;
    private final ProviderConnections connections;
    private final MessageStore store;
    private final IdempotencyStore idempotency;
    private final Callbacks callbacks;
    private final LinkClicks linkClicks;
    private final Clock clock;

    MessageService(SendPlanner planner, MessageStore store, IdempotencyStore idempotency, ProviderConnections connections,
            Callbacks callbacks, LinkClicks linkClicks, Clock clock) {
        this.callbacks = callbacks;
        this.linkClicks = linkClicks;
        this.planner = planner;
        this.connections = connections;
        this.store = store;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /** Accepts a send request: one message per destination, answered in request order. */
    @Transactional
    public List<SendResult> send(long companyId, ZoneId companyZone, SendRequest request) {
        Instant now = clock.instant();
        List<PlannedMessage> planned = planner.plan(companyId, companyZone, request, now);
        store.insert(planned, now);
        return results(planned);
    }

    /**
     * Sends only when every destination is accepted; otherwise stores nothing and answers the refusals.
     * The portal's send form: a refused destination is a form error there, not a stored "Отклонено"
     * message (the API keeps seed 000's rule of one answer per destination, rejected ones included).
     */
    public List<SendResult> sendAllOrNothing(long companyId, ZoneId companyZone, SendRequest request) {
        Instant now = clock.instant();
        List<PlannedMessage> planned = planner.plan(companyId, companyZone, request, now);
        if (planned.stream().noneMatch(message -> message.status() == MessageStatus.REJECTED)) {
            store.insert(planned, now);
        }
        return results(planned);
    }

    private static List<SendResult> results(List<PlannedMessage> planned) {
        return planned.stream()
            .map(m -> new SendResult(m.publicId(), m.bulkId(), m.groupId(), m.flowId(), m.status(), m.firstChannel(), m.rejection()))
            .toList();
    }

    /**
     * Sends a batch of the rows of send task {@code taskId}: every message carries the task's bulk id, so
     * the whole task can be cancelled as one bulk. Runs in the caller's transaction, with the task's
     * checkpoint; the running task is not looked up again for each of its rows.
     */
    @Transactional
    public List<SendResult> sendForTask(long companyId, ZoneId companyZone, String taskId, SendRequest request, String bulkId) {
        Instant now = clock.instant();
        List<PlannedMessage> planned = planner.plan(companyId, companyZone, request, now, bulkId, taskId);
        store.insert(planned, now);
        return planned.stream()
            .map(m -> new SendResult(m.publicId(), m.bulkId(), m.groupId(), m.flowId(), m.status(), m.firstChannel(), m.rejection()))
            .toList();
    }

    /** How many of the company's messages attached to {@code taskId} are in each status. */
    public Map<MessageStatus, Long> countByStatus(long companyId, String taskId) {
        return store.countByStatus(companyId, taskId);
    }

    /** The status of each of the company's messages in {@code messageIds} (public ids); unknown ids are left out. */
    public Map<String, MessageStatus> statuses(long companyId, Collection<String> messageIds) {
        return store.statuses(companyId, messageIds);
    }

    /**
     * Sends once per {@code key}: a retry with the same key and the same request gets the first answer
     * back and sends nothing; the same key with another request is refused. The key is stored in the
     * send's own transaction, so a send that fails leaves no key behind and may be retried.
     *
     * @param requestHash a digest of the request, to tell a retry from a different request
     * @param render      turns the results into the answer's JSON, which is what is replayed
     */
    @Transactional
    public IdempotentSend sendOnce(long companyId, ZoneId companyZone, String key, String requestHash, SendRequest request,
            Function<List<SendResult>, String> render) {
        Optional<IdempotencyStore.Stored> earlier = idempotency.find(companyId, key);
        if (earlier.isEmpty()) {
            try {
                idempotency.claim(companyId, key, requestHash, clock.instant());
            }
            catch (DuplicateKeyException concurrentRetry) {
                earlier = idempotency.find(companyId, key);
            }
        }
        if (earlier.isPresent()) {
            if (!earlier.get().requestHash().equals(requestHash)) {
                throw new IdempotencyKeyReusedException(key);
            }
            return new IdempotentSend(earlier.get().response(), true);
        }
        String json = render.apply(send(companyId, companyZone, request));
        idempotency.answer(companyId, key, json);
        return new IdempotentSend(json, false);
    }

    /** Forgets idempotency keys older than {@link #IDEMPOTENCY_WINDOW}. */
    @Transactional
    public int forgetOldIdempotencyKeys() {
        return idempotency.deleteOlderThan(clock.instant().minus(IDEMPOTENCY_WINDOW));
    }

    public MessageView get(long companyId, String messageId) {
        MessageRow message = store.find(companyId, messageId).orElseThrow(() -> new NotFoundException("Message", messageId));
        return view(message, store.attempts(message.id()));
    }

    /** Cancels a message whose attempts have not reached a provider yet; otherwise 409 with the reason. */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public MessageView cancel(long companyId, String messageId) {
        MessageRow found = store.find(companyId, messageId).orElseThrow(() -> new NotFoundException("Message", messageId));
        MessageRow message = store.lockMessages(List.of(found.id())).get(0);
        List<AttemptRow> attempts = store.attempts(message.id());
        if (message.status() == MessageStatus.CANCELLED) {
            return view(message, attempts);
        }
        if (message.status().isFinal() || attempts.stream().anyMatch(a -> a.status().isHandedToProvider())) {
            throw new MessageAlreadySentException(messageId, message.status());
        }
        cancelLocked(message, attempts);
        return get(companyId, messageId);
    }

    /** Cancels every message of a bulk that has not reached a provider yet. */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public CancelResult cancelBulk(long companyId, String bulkId) {
        List<Long> ids = store.messageIdsOfBulk(companyId, bulkId);
        if (ids.isEmpty()) {
            throw new NotFoundException("Bulk", bulkId);
        }
        int cancelled = 0;
        int alreadySent = 0;
        List<MessageRow> messages = store.lockMessages(ids);
        List<AttemptRow> allAttempts = store.attempts(ids);
        for (MessageRow message : messages) {
            List<AttemptRow> attempts = allAttempts.stream().filter(a -> a.messageId() == message.id()).toList();
            if (message.status().isFinal() || attempts.stream().anyMatch(a -> a.status().isHandedToProvider())) {
                alreadySent += message.status() == MessageStatus.CANCELLED || message.status() == MessageStatus.REJECTED ? 0 : 1;
                continue;
            }
            cancelLocked(message, attempts);
            cancelled++;
        }
        return new CancelResult(cancelled, alreadySent);
    }

    private void cancelLocked(MessageRow message, List<AttemptRow> attempts) {
        Instant now = clock.instant();
        store.updateAttempts(attempts.stream()
            .filter(a -> !a.status().isFinal())
            .map(a -> MessageStore.AttemptUpdate.of(a, a.finished(AttemptStatus.CANCELLED, null, null, null, null, now), message))
            .toList(), now);
        List<MessageStore.StatusChange> cancelled = List.of(MessageStore.StatusChange.of(message, MessageStatus.CANCELLED, attempts));
        store.updateMessageStatuses(cancelled, now);
        callbacks.queue(cancelled, now);
    }

    private MessageView view(MessageRow message, List<AttemptRow> attempts) {
        Map<Long, String> names = connections.names(message.companyId(),
                attempts.stream().map(AttemptRow::connectionId).filter(Objects::nonNull).distinct().toList());
        return new MessageView(message.publicId(), message.bulkId(), message.groupId(), message.flowId(), message.taskId(),
                message.status(), message.firstChannel(), message.phone(), message.email(), message.messengerUserId(),
                message.deviceId(), message.sendAt(), message.createdAt(), message.updatedAt(), message.errorCode(),
                message.errorMessage(), attempts.stream()
                    .map(a -> new MessageView.AttemptView(a.channel(), a.required(), a.status(),
                            a.status() == AttemptStatus.QUEUED ? a.dueAt() : null, a.provider(),
                            a.providerMessageId(), a.text(), a.errorCode(), a.errorMessage(), a.sentAt(), a.finishedAt(),
                            a.updatedAt(), a.connectionId() == null ? null
                                    : new MessageView.Connection(a.connectionId(), names.getOrDefault(a.connectionId(), "—"))))
                    .toList(), linkClicks.ofMessage(message.id()));
    }
}
