package io.kaskad.message;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.kaskad.channel.Channel;
import io.kaskad.channel.DeliveryReport;
import io.kaskad.channel.DeliveryReports.DeliveryReportBatch;
import io.kaskad.provider.ProviderRoutes;
import io.kaskad.provider.Route;
import jakarta.annotation.PreDestroy;

/**
 * Runs the cascade: claims due attempts in batches, hands them to providers, records the answers,
 * expires attempts whose validity ran out, and applies delivery reports. The dispatch module's Quartz
 * jobs call it; any number of nodes may run it at once (see {@link MessageStore}'s locking protocol).
 */
@Service
public class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    /**
     * How long a provider call may take, counted from the attempt's hand-over, before its answer counts
     * as lost (see {@link Outcomes}); and how long a claimed attempt may wait for its hand-over before it
     * counts as abandoned by its node and is queued again.
     */
    static final Duration PROVIDER_LEASE = Duration.ofMinutes(2);

    /**
     * A message keeps its status (CREATED or PENDING) while its provider call runs: an answer within this time moves it
     * straight on to what the answer makes of it (SENDING while a report is awaited, or final), in the answer's write;
     * a call still running after it moves the message to SENDING meanwhile ({@link #showSending}), and its batch stops
     * waiting for it: its answer is recorded when it comes ({@link LateAnswers}). At zero latency the claim's own SENDING
     * write was a sixth of the database's work per message, for a status nobody could see.
     */
    static final Duration SENDING_SHOWN_AFTER = Duration.ofSeconds(1);

    /** Late answers recorded in one transaction at most: a claimed batch's size. */
    private static final int LATE_ANSWERS_BATCH = 500;

    /** How long a stopping node spends recording the late answers of its last calls. */
    private static final Duration LATE_ANSWERS_FINISH = Duration.ofSeconds(30);

    private final MessageStore store;
    private final SendRateLimiter rateLimiter;
    private final ProviderRoutes routes;
    private final ProviderCalls calls;
    private final AttemptSender sender;
    private final Callbacks callbacks;
    private final DispatchMetrics metrics;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final LateAnswers<Answer> lateAnswers = new LateAnswers<>(LATE_ANSWERS_BATCH, this::recordLate);
    /** Set when the application begins to stop: no new claims, and claimed attempts not yet handed over go back. */
    private volatile boolean stopping;

    Dispatcher(MessageStore store, SendRateLimiter rateLimiter, ProviderRoutes routes, ProviderCalls calls, AttemptSender sender,
            Callbacks callbacks, DispatchMetrics metrics, Clock clock, PlatformTransactionManager transactions) {
        this.callbacks = callbacks;
        this.metrics = metrics;
        this.store = store;
        this.rateLimiter = rateLimiter;
        this.routes = routes;
        this.calls = calls;
        this.sender = sender;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    /**
     * Sends up to {@code limit} due attempts; answers how many were claimed. The attempts are handed
     * over a chunk at a time ({@link HandOver}); when the node begins to stop, the rest go back to the
     * queue at once, for another node.
     */
    public int dispatchDue(int limit) {
        return dispatchDue(limit, () -> stopping);
    }

    int dispatchDue(int limit, BooleanSupplier stop) {
        if (stop.getAsBoolean()) {
            return 0;
        }
        // whole milliseconds: the claim's lease is compared as written to the database, on every database
        Instant claimedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<HandOver.Plan> reserving = new ArrayList<>(1);
        List<Claimed> claimed;
        try {
            claimed = transaction.execute(status -> claim(claimedAt, limit, reserving::add));
        }
        catch (RuntimeException claimFailed) {
            reserving.forEach(plan -> plan.releaseReserved(calls));
            throw claimFailed;
        }
        if (claimed == null || claimed.isEmpty()) {
            return 0;
        }
        Map<Long, Claimed> byAttempt = claimed.stream().collect(Collectors.toMap(c -> c.attempt().id(), Function.identity()));
        Instant claimLease = claimedAt.plus(PROVIDER_LEASE);
        HandOver.Result<AttemptChange> done = HandOver.run(reserving.get(0), calls, PROVIDER_LEASE, clock, stop,
                (ids, handedAt, leaseEnd) -> store.markHandedOver(ids, claimLease, handedAt, leaseEnd),
                attempt -> send(byAttempt.get(attempt.id())), new HandOver.SlowCalls(SENDING_SHOWN_AFTER, this::showSending));
        done.late().forEach(call -> recordWhenAnswered(call, byAttempt));
        List<AttemptChange> changes = new ArrayList<>(done.answers().stream().filter(Objects::nonNull).toList());
        Instant now = clock.instant();
        done.released().forEach(attempt -> changes.add(AttemptChange.answer(attempt.withStatus(AttemptStatus.QUEUED, now))));
        // their provider's slots stayed full: another batch takes them once it has room
        done.deferred().forEach(attempt -> changes.add(AttemptChange.answer(attempt.withStatus(AttemptStatus.QUEUED,
                now.plus(HandOver.LANE_WAIT)))));
        Map<Long, MessageRow> asClaimed = new HashMap<>();
        claimed.forEach(c -> asClaimed.put(c.message().id(), c.message()));
        recordAnswers(changes, asClaimed, now);
        if (!done.released().isEmpty()) {
            log.info("Stopping: {} claimed attempts handed back to the queue unsent", done.released().size());
        }
        return claimed.size();
    }

    /**
     * Records answers to claimed attempts, with the cascade they drive, in one transaction. {@code asClaimed} has their
     * messages as their claim read them: of a stored message only its status changes, which is read again under its lock.
     */
    private void recordAnswers(List<AttemptChange> changes, Map<Long, MessageRow> asClaimed, Instant now) {
        if (changes.isEmpty()) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            List<Long> messageIds = changes.stream().map(change -> change.attempt().messageId()).distinct().toList();
            // the rows as claimed, in their statuses now (a report or a slow call's SENDING may have moved them since)
            List<MessageRow> locked = store.lockStatuses(messageIds).entrySet().stream()
                .map(stored -> asClaimed.get(stored.getKey()).withStatus(stored.getValue()))
                .toList();
            applyLocked(locked, changes, now);
        });
    }

    /** A call its batch stopped waiting for (a slow one): its answers are recorded when they come, apart from the batch. */
    private void recordWhenAnswered(HandOver.LateCall<AttemptChange> call, Map<Long, Claimed> byAttempt) {
        call.answers().whenComplete((answers, failed) -> {
            if (failed != null) {
                log.error("Provider calls of attempts {} failed; their leases settle them", call.attempts().stream().map(AttemptRow::id).toList(),
                        failed);
                return;
            }
            lateAnswers.add(answers.stream()
                .filter(Objects::nonNull)
                .map(change -> new Answer(change, byAttempt.get(change.attempt().id()).message()))
                .toList());
        });
    }

    /** Answers of slow calls, which came after their batch: recorded in batches of their own. */
    private void recordLate(List<Answer> answers) {
        Map<Long, MessageRow> asClaimed = new HashMap<>();
        answers.forEach(answer -> asClaimed.put(answer.asClaimed().id(), answer.asClaimed()));
        recordAnswers(answers.stream().map(Answer::change).toList(), asClaimed, clock.instant());
    }

    /** The application is closing: stop claiming, hand back what is not yet with a provider (Quartz waits for the running job). */
    @EventListener(ContextClosedEvent.class)
    void onClose() {
        stopping = true;
    }

    /**
     * Before the providers' clients close (an SMPP bind is unbound when its client is destroyed, after this
     * bean, which depends on it), the calls under way finish.
     */
    @PreDestroy
    void finishCalls() throws InterruptedException {
        calls.finish();
        lateAnswers.finish(LATE_ANSWERS_FINISH);
    }

    /**
     * Expires attempts without a report within validity; settles those whose provider call ran past
     * its lease by {@link Outcomes} (handed over: outcome unknown, never resent; never handed over:
     * queued again); retries parked reports.
     */
    public int expireOverdue(int limit) {
        Integer expired = transaction.execute(status -> {
            Instant now = clock.instant();
            List<MessageStore.Overdue> overdue = store.overdue(now, limit);
            if (overdue.isEmpty()) {
                return 0;
            }
            Map<Long, MessageRow> locked = store.lockFreeMessages(overdue.stream().map(o -> o.attempt().messageId()).distinct().toList())
                .stream()
                .collect(Collectors.toMap(MessageRow::id, Function.identity()));
            List<AttemptChange> changes = new ArrayList<>();
            for (MessageStore.Overdue o : overdue) {
                AttemptRow attempt = o.attempt();
                MessageRow message = locked.get(attempt.messageId());
                if (message == null) {
                    continue; // another transaction holds the message: next run
                }
                if (attempt.status() == AttemptStatus.SENT) {
                    changes.add(AttemptChange.expiry(attempt.finished(AttemptStatus.EXPIRED, null, null, "EXPIRED",
                            "No delivery report within the validity period", now)));
                    continue;
                }
                // the answer was lost, and with it which route took the attempt: the first route is the likeliest
                Route route = routes.routes(attempt.companyId(), attempt.channel()).stream().findFirst().orElse(null);
                Instant reportDeadline = o.handedOverAt() == null ? null
                        : message.windows().addOpenTime(o.handedOverAt(), Duration.ofMinutes(message.validityMinutes()), message.zone());
                changes.add(AttemptChange.answer(Outcomes.afterLostAnswer(attempt, o.handedOverAt(), route == null || route.reportsDelivery(),
                        route == null ? null : route.provider(), reportDeadline, now)));
            }
            return applyLocked(List.copyOf(locked.values()), changes, now);
        });
        transaction.executeWithoutResult(status -> retryParkedReports(limit));
        return expired == null ? 0 : expired;
    }

    @EventListener
    void onReports(DeliveryReportBatch batch) {
        transaction.executeWithoutResult(status -> applyReports(batch.reports(), true));
    }

    // ---- claim and send ----

    private record Claimed(AttemptRow attempt, MessageRow message) {
    }

    /** A provider's answer to a claimed attempt, with the attempt's message as its claim read it. */
    private record Answer(AttemptChange change, MessageRow asClaimed) {
    }

    /**
     * Claims due attempts: those not yet sendable (window closed, over a rate limit) are queued again for later (their
     * messages PENDING), the others move to SENDING (their messages keep their status: see {@link #SENDING_SHOWN_AFTER}).
     * Their hand-over plan goes to {@code planned} as soon as it holds slots (so that a failed
     * claim gives them back); the attempts of the chunks whose providers have free slots now are recorded as handed
     * over by the claim itself, the others are marked by {@link HandOver} when their slots come.
     */
    private List<Claimed> claim(Instant now, int limit, Consumer<HandOver.Plan> planned) {
        List<AttemptRow> candidates = store.claimQueued(now, limit);
        if (candidates.isEmpty()) {
            return List.of();
        }
        rateLimiter.ensureBuckets(candidates.stream().map(AttemptRow::companyId).distinct().toList(), now);
        Map<Long, MessageRow> messages = store.lockFreeMessages(candidates.stream().map(AttemptRow::messageId).distinct().toList())
            .stream()
            .collect(Collectors.toMap(MessageRow::id, Function.identity()));
        List<Claimed> claimed = new ArrayList<>();
        List<MessageStore.AttemptUpdate> updates = new ArrayList<>();
        Map<Long, MessageStatus> statusChanges = new LinkedHashMap<>();
        List<AttemptRow> open = new ArrayList<>();
        for (AttemptRow attempt : candidates) {
            MessageRow message = messages.get(attempt.messageId());
            if (message == null) {
                continue;
            }
            Instant windowOpens = message.windows().nextOpen(now, message.zone());
            if (windowOpens.isAfter(now)) {
                updates.add(MessageStore.AttemptUpdate.of(attempt, attempt.withStatus(AttemptStatus.QUEUED, windowOpens), message));
                moveMessage(statusChanges, message, MessageStatus.PENDING);
            }
            else {
                open.add(attempt);
            }
        }
        Map<Long, Integer> wanted = new HashMap<>();
        open.forEach(attempt -> wanted.merge(attempt.companyId(), 1, Integer::sum));
        Map<Long, SendRateLimiter.Grant> grants = wanted.isEmpty() ? Map.of() : rateLimiter.take(wanted, now);
        Map<Long, Integer> sendsLeft = new HashMap<>();
        grants.forEach((companyId, grant) -> sendsLeft.put(companyId, grant.now()));
        Map<Long, Integer> overLimit = new HashMap<>();
        List<AttemptRow> withinCompanyLimits = new ArrayList<>();
        for (AttemptRow attempt : open) {
            MessageRow message = messages.get(attempt.messageId());
            if (sendsLeft.merge(attempt.companyId(), -1, Integer::sum) < 0) {
                // over the company's rate limit: spread the rest over the coming seconds
                int n = overLimit.merge(attempt.companyId(), 1, Integer::sum) - 1;
                updates.add(MessageStore.AttemptUpdate.of(attempt, attempt.withStatus(AttemptStatus.QUEUED,
                        grants.get(attempt.companyId()).later(n, now)), message));
                moveMessage(statusChanges, message, MessageStatus.PENDING);
            }
            else {
                withinCompanyLimits.add(attempt);
            }
        }
        // a connection with its own send rate: the same token bucket, per connection, across the cluster
        Map<Long, Route> limitedRoutes = new HashMap<>();
        Map<Long, Integer> wantedPerConnection = new HashMap<>();
        for (AttemptRow attempt : withinCompanyLimits) {
            Route route = firstRoute(attempt);
            if (route != null && route.connectionId() != null && route.sendRate() != null) {
                limitedRoutes.put(route.connectionId(), route);
                wantedPerConnection.merge(route.connectionId(), 1, Integer::sum);
            }
        }
        Map<Long, SendRateLimiter.Grant> connectionGrants = wantedPerConnection.isEmpty() ? Map.of()
                : rateLimiter.takeForConnections(wantedPerConnection,
                        limitedRoutes.values().stream().collect(Collectors.toMap(Route::connectionId, Route::sendRate)), now);
        Map<Long, Integer> connectionSendsLeft = new HashMap<>();
        connectionGrants.forEach((connectionId, grant) -> connectionSendsLeft.put(connectionId, grant.now()));
        Map<Long, Integer> overConnectionLimit = new HashMap<>();
        for (AttemptRow attempt : withinCompanyLimits) {
            MessageRow message = messages.get(attempt.messageId());
            Route route = firstRoute(attempt);
            Long limited = route != null && route.connectionId() != null && connectionGrants.containsKey(route.connectionId())
                    ? route.connectionId() : null;
            if (limited != null && connectionSendsLeft.merge(limited, -1, Integer::sum) < 0) {
                int n = overConnectionLimit.merge(limited, 1, Integer::sum) - 1;
                updates.add(MessageStore.AttemptUpdate.of(attempt, attempt.withStatus(AttemptStatus.QUEUED,
                        connectionGrants.get(limited).later(n, now)), message));
                moveMessage(statusChanges, message, MessageStatus.PENDING);
                continue;
            }
            // claimed, not yet handed over: the lease is the claim's, and only what HandOver marks is ever sent; the
            // message keeps its status until the answer, or until the call turns out slow (see SENDING_SHOWN_AFTER)
            AttemptRow sending = attempt.withStatus(AttemptStatus.SENDING, now.plus(PROVIDER_LEASE));
            updates.add(MessageStore.AttemptUpdate.of(attempt, sending, message));
            claimed.add(new Claimed(sending, message));
        }
        HandOver.Plan plan = HandOver.Plan.of(claimed.stream().map(Claimed::attempt).toList(), this::lane, Dispatcher::recipient, calls);
        planned.accept(plan);
        store.updateClaimedAttempts(updates, plan.reserveFree(calls), now);
        moveMessages(messages, statusChanges, now);
        return claimed;
    }

    /**
     * Calls still running {@link #SENDING_SHOWN_AFTER} after their hand-over: their messages show they are with a
     * provider now, in their own short transaction (a report or another node may have moved them on meanwhile: only
     * those still CREATED or PENDING move). A failure here only delays what the answer records anyway.
     */
    private void showSending(List<AttemptRow> attempts) {
        try {
            transaction.executeWithoutResult(status -> {
                List<MessageRow> locked = store.lockMessages(attempts.stream().map(AttemptRow::messageId).distinct().toList());
                Map<Long, MessageStatus> moves = new LinkedHashMap<>();
                locked.forEach(message -> moveMessage(moves, message, MessageStatus.SENDING));
                moveMessages(locked.stream().collect(Collectors.toMap(MessageRow::id, Function.identity())), moves, clock.instant());
            });
        }
        catch (RuntimeException failed) {
            log.warn("Could not show {} messages with slow provider calls as sending; their answers will move them", attempts.size(),
                    failed);
        }
    }

    /** Moves the messages (locked by this transaction) to their new statuses, with their counters and callbacks. */
    private void moveMessages(Map<Long, MessageRow> messages, Map<Long, MessageStatus> moves, Instant now) {
        if (moves.isEmpty()) {
            return;
        }
        // only some of a message's attempts may be at hand: the channels of all of them are read for its counters
        Map<Long, Set<Channel>> channels = store.channelsOf(moves.keySet());
        List<MessageStore.StatusChange> moved = moves.entrySet().stream()
            .map(move -> new MessageStore.StatusChange(messages.get(move.getKey()), move.getValue(),
                    channels.getOrDefault(move.getKey(), Set.of())))
            .toList();
        store.updateMessageStatuses(moved, now);
        callbacks.queue(moved, now);
    }

    private static void moveMessage(Map<Long, MessageStatus> changes, MessageRow message, MessageStatus to) {
        MessageStatus previous = changes.get(message.id());
        // one attempt of the message with a provider is enough for SENDING, whatever its others wait for
        if (message.status().claimMovesTo(to) && (previous == null || previous == MessageStatus.PENDING)) {
            changes.put(message.id(), to);
        }
    }

    private Route firstRoute(AttemptRow attempt) {
        List<Route> candidates = routes.routes(attempt.companyId(), attempt.channel());
        return candidates.isEmpty() ? null : candidates.get(0);
    }

    /** Whom an attempt goes to: one recipient's attempts go one after another, in claim order. */
    private static String recipient(AttemptRow attempt) {
        return attempt.companyId() + "/" + attempt.channel() + "/" + attempt.address();
    }

    /** The provider an attempt is most likely to go to, whose in-flight slots it takes. */
    private String lane(AttemptRow attempt) {
        Route route = firstRoute(attempt);
        return route == null ? "none" : route.key();
    }

    /**
     * One attempt's call; a failure of Kaskad's own around it leaves the attempt as handed over (settled
     * by its lease like a lost answer) instead of losing the answers of the whole batch.
     */
    private AttemptChange send(Claimed claimed) {
        try {
            return AttemptChange.answer(sender.send(claimed.attempt(), claimed.message()));
        }
        catch (RuntimeException unexpected) {
            log.error("Attempt {} failed around its provider call; its lease settles it", claimed.attempt().id(), unexpected);
            return null;
        }
    }

    // ---- reports ----

    /**
     * Applies reports to their attempts, found by the provider's id or, when that was never recorded,
     * by Kaskad's reference. A report may come while the attempt is still SENDING (the provider was
     * quicker than our answer's transaction, or the answer was lost): it settles the attempt. Unmatched
     * reports are parked when {@code parkUnmatched}; answers those that matched nothing.
     */
    private List<DeliveryReport> applyReports(List<DeliveryReport> reports, boolean parkUnmatched) {
        Map<String, List<AttemptRow>> withProviderId = store.byProviderMessageIds(
                reports.stream().map(DeliveryReport::providerMessageId).toList())
            .stream()
            .collect(Collectors.groupingBy(AttemptRow::providerMessageId));
        Map<DeliveryReport, AttemptRow> attempts = new IdentityHashMap<>();
        reports.forEach(report -> reportedAttempt(withProviderId.get(report.providerMessageId()), report)
            .ifPresent(attempt -> attempts.put(report, attempt)));
        List<String> references = reports.stream()
            .filter(report -> !attempts.containsKey(report) && report.reference() != null)
            .map(DeliveryReport::reference)
            .toList();
        Map<String, AttemptRow> byReference = references.isEmpty() ? Map.of() : store.byReferences(references);
        Instant now = clock.instant();
        List<AttemptChange> changes = new ArrayList<>();
        List<DeliveryReport> unmatched = new ArrayList<>();
        for (DeliveryReport report : reports) {
            AttemptRow attempt = attempts.get(report);
            String providerId = null;
            if (attempt == null && report.reference() != null) {
                attempt = byReference.get(report.reference());
                providerId = report.providerMessageId(); // recorded now: the answer that carried it was lost
            }
            if (attempt == null || attempt.channel() != report.channel()) {
                unmatched.add(report);
                if (parkUnmatched) {
                    store.parkReport(report.channel().name(), report.providerMessageId(), report.reference(), report.status().name(),
                            report.at(), report.connectionId());
                }
                continue;
            }
            changes.add(AttemptChange.report(switch (report.status()) {
                case DELIVERED -> attempt.finished(AttemptStatus.DELIVERED, null, providerId, null, null, report.at());
                case READ -> attempt.finished(AttemptStatus.READ, null, providerId, null, null, report.at());
                case FAILED -> attempt.finished(AttemptStatus.FAILED, null, providerId, report.errorCode(), report.errorMessage(), report.at());
                case NO_ACCOUNT -> attempt.finished(AttemptStatus.NO_ACCOUNT, null, providerId, "NO_ACCOUNT", report.errorMessage(),
                        report.at());
                case EXPIRED -> attempt.finished(AttemptStatus.EXPIRED, null, providerId, "EXPIRED",
                        report.errorMessage() == null ? "The provider reports the message expired undelivered" : report.errorMessage(),
                        report.at());
            }));
        }
        List<Long> messageIds = changes.stream().map(change -> change.attempt().messageId()).distinct().toList();
        applyLocked(store.lockMessages(messageIds), changes, now);
        return unmatched;
    }

    /**
     * The attempt a report is about, among those with its provider id: provider ids are unique per provider
     * only, so of the report's channel and, when the report knows it, its connection; an attempt still
     * waiting for its answer or report before one already final, then the latest.
     */
    private static Optional<AttemptRow> reportedAttempt(List<AttemptRow> candidates, DeliveryReport report) {
        if (candidates == null) {
            return Optional.empty();
        }
        return candidates.stream()
            .filter(a -> a.channel() == report.channel())
            .filter(a -> report.connectionId() == null || report.connectionId().equals(a.connectionId()))
            .max(Comparator.comparing((AttemptRow a) -> !a.status().isFinal()).thenComparing(AttemptRow::id));
    }

    /** Parked reports whose turn has come: applied when their attempt is known now, else tried again later, dropped when old. */
    private void retryParkedReports(int limit) {
        Instant now = clock.instant();
        List<MessageStore.ParkedReport> parked = store.parkedReports(now, limit);
        if (parked.isEmpty()) {
            return;
        }
        Map<DeliveryReport, MessageStore.ParkedReport> reports = new IdentityHashMap<>();
        for (MessageStore.ParkedReport p : parked) {
            reports.put(new DeliveryReport(Channel.valueOf(p.channel()), p.providerMessageId(),
                    DeliveryReport.Status.valueOf(p.status()), null, null, p.receivedAt(), p.reference(), p.connectionId()), p);
        }
        List<DeliveryReport> unmatched = applyReports(List.copyOf(reports.keySet()), false);
        Set<MessageStore.ParkedReport> stillUnmatched = Collections.newSetFromMap(new IdentityHashMap<>());
        unmatched.forEach(report -> stillUnmatched.add(reports.get(report)));
        List<MessageStore.ParkedReport> tooOld = new ArrayList<>();
        List<MessageStore.ParkedReport> later = new ArrayList<>();
        for (MessageStore.ParkedReport p : stillUnmatched) {
            (p.receivedAt().plus(ParkedReports.KEEP).isBefore(now) ? tooOld : later).add(p);
        }
        store.retryParkedLater(later, now);
        store.deleteParkedReports(parked.stream()
            .filter(p -> !stillUnmatched.contains(p) || tooOld.contains(p))
            .map(MessageStore.ParkedReport::id)
            .toList());
    }

    // ---- the cascade, under the messages' locks ----

    /** A new state for an attempt, applied only if the attempt's status (as locked) {@code appliesFrom}. */
    private record AttemptChange(AttemptRow attempt, Predicate<AttemptStatus> appliesFrom) {

        /** This node's call answered (or never made, or its answer lost): see {@link AttemptStatus#awaitsAnswer}. */
        static AttemptChange answer(AttemptRow attempt) {
            return new AttemptChange(attempt, AttemptStatus::awaitsAnswer);
        }

        /** A provider's report: see {@link AttemptStatus#takesReport}. */
        static AttemptChange report(AttemptRow attempt) {
            return new AttemptChange(attempt, from -> from.takesReport(attempt.status()));
        }

        /** No report within validity: see {@link AttemptStatus#awaitsReport}. */
        static AttemptChange expiry(AttemptRow attempt) {
            return new AttemptChange(attempt, AttemptStatus::awaitsReport);
        }
    }

    /** Applies changes to attempts of messages this transaction has locked, runs the cascade, updates statuses. */
    private int applyLocked(List<MessageRow> lockedMessages, List<AttemptChange> changes, Instant now) {
        if (lockedMessages.isEmpty()) {
            return 0;
        }
        Map<Long, MessageRow> messages = lockedMessages.stream().collect(Collectors.toMap(MessageRow::id, Function.identity()));
        Map<Long, List<AttemptRow>> attemptsByMessage = new HashMap<>();
        Map<Long, AttemptStatus> before = new HashMap<>();
        for (AttemptRow attempt : store.attempts(messages.keySet())) {
            attemptsByMessage.computeIfAbsent(attempt.messageId(), id -> new ArrayList<>()).add(attempt);
            before.put(attempt.id(), attempt.status());
        }
        Map<Long, AttemptRow> updated = new LinkedHashMap<>();
        int applied = 0;
        for (AttemptChange change : changes) {
            List<AttemptRow> attempts = attemptsByMessage.get(change.attempt().messageId());
            if (attempts == null) {
                continue;
            }
            int index = indexOf(attempts, change.attempt().id());
            if (index < 0 || !change.appliesFrom().test(attempts.get(index).status())) {
                continue;
            }
            applied++;
            attempts.set(index, change.attempt());
            updated.put(change.attempt().id(), change.attempt());
            List<Cascade.Step> after = Cascade.afterChange(attempts.stream().map(AttemptRow::cascadeStep).toList(),
                    change.attempt().cascadeStep());
            for (int i = 0; i < attempts.size(); i++) {
                AttemptStatus decided = after.get(i).status();
                AttemptRow attempt = attempts.get(i);
                if (decided != attempt.status()) {
                    AttemptRow next = decided == AttemptStatus.QUEUED ? attempt.withStatus(AttemptStatus.QUEUED, now)
                            : attempt.finished(decided, null, null, null, null, now);
                    attempts.set(i, next);
                    updated.put(next.id(), next);
                }
            }
        }
        store.updateAttempts(updated.values().stream()
            .map(attempt -> new MessageStore.AttemptUpdate(before.get(attempt.id()), attempt, messages.get(attempt.messageId()).createdAt()))
            .toList(), now);
        metrics.afterCommit(updated.values().stream()
            .filter(attempt -> attempt.status() != before.get(attempt.id()))
            .map(attempt -> new DispatchMetrics.Change(before.get(attempt.id()), attempt))
            .toList());
        List<MessageStore.StatusChange> statusChanges = new ArrayList<>();
        for (Map.Entry<Long, List<AttemptRow>> entry : attemptsByMessage.entrySet()) {
            MessageRow message = messages.get(entry.getKey());
            MessageStatus status = Cascade.messageStatus(entry.getValue().stream().map(AttemptRow::cascadeStep).toList());
            if (message.status().followsCascadeTo(status)) {
                statusChanges.add(MessageStore.StatusChange.of(message, status, entry.getValue()));
            }
        }
        store.updateMessageStatuses(statusChanges, now);
        callbacks.queue(statusChanges, now);
        return applied;
    }

    private static int indexOf(List<AttemptRow> attempts, long attemptId) {
        for (int i = 0; i < attempts.size(); i++) {
            if (attempts.get(i).id() == attemptId) {
                return i;
            }
        }
        return -1;
    }
}
