package io.kaskad.message;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.kaskad.channel.Channel;
import io.kaskad.channel.ConversationWindows;
import io.kaskad.channel.OutboundMessage;
import io.kaskad.channel.SendOutcome;
import io.kaskad.provider.ProviderRoutes;
import io.kaskad.provider.Route;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * One attempt's provider call and what its answer makes of the attempt: the company's routes tried in
 * order (failover within a channel), the outcome classified once — delivered or sent, the recipient's
 * (no account), the message's (failed), transient (retried later with backoff within validity) or
 * unknown (never resent). Runs on the provider-call threads of {@link ProviderCalls}; the
 * {@link Dispatcher} records the answers.
 */
@Component
class AttemptSender {

    /** The error of a WhatsApp text sent outside the conversation window (counted apart in {@link MessageCounts}). */
    static final String SESSION_CLOSED = "WHATSAPP_SESSION_CLOSED";

    private static final Logger log = LoggerFactory.getLogger(AttemptSender.class);

    /** The longest wait between two tries of an attempt no provider could take. */
    static final Duration LONGEST_RETRY_BACKOFF = Duration.ofMinutes(5);

    private final ProviderRoutes routes;
    private final ConversationWindows conversations;
    private final Clock clock;
    private final JsonMapper json;
    private final SendRateLimiter rateLimiter;
    private final TransactionTemplate transaction;
    private final DispatchMetrics metrics;
    /** The first wait after no provider could take an attempt ({@code kaskad.dispatch.retry-backoff}); it doubles with each try. */
    private final Duration retryBackoff;

    AttemptSender(ProviderRoutes routes, ConversationWindows conversations, Clock clock, JsonMapper json, SendRateLimiter rateLimiter,
            PlatformTransactionManager transactions, DispatchMetrics metrics,
            @Value("${kaskad.dispatch.retry-backoff:5s}") Duration retryBackoff) {
        this.metrics = metrics;
        this.retryBackoff = retryBackoff;
        this.routes = routes;
        this.conversations = conversations;
        this.clock = clock;
        this.json = json;
        this.rateLimiter = rateLimiter;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Hands one attempt to its company's routes in order: a route that cannot take it now for a reason
     * that is not the recipient's (transient) passes it to the next ("failover within a channel"); when
     * none can, the attempt is tried again later with backoff while its validity lasts. A provider that
     * throws counts as a provider error; an ambiguous timeout is never resent.
     */
    AttemptRow send(AttemptRow attempt, MessageRow message) {
        Instant started = clock.instant();
        List<Route> candidates = routes.routes(message.companyId(), attempt.channel());
        if (candidates.isEmpty()) {
            return attempt.finished(AttemptStatus.FAILED, null, null, "NO_PROVIDER",
                    "No " + attempt.channel().apiName() + " provider is connected: add one under Настройки компании → Провайдеры "
                            + "(or POST /api/v1/providers)", started);
        }
        Map<String, Object> parameters = parameters(attempt, message);
        if (!whatsAppFreeTextAllowed(attempt, parameters, message)) {
            return attempt.finished(AttemptStatus.FAILED, candidates.get(0).provider(), null, SESSION_CLOSED,
                    "WhatsApp accepts free text only within 24 hours of the recipient's last message; send an approved template "
                            + "(templateName) instead", started);
        }
        OutboundMessage outbound = new OutboundMessage(message.publicId() + "/" + attempt.step(), message.companyId(), attempt.channel(),
                attempt.address(), new OutboundMessage.Recipient(message.phone(), message.email(), message.messengerUserId(),
                        message.deviceId()), attempt.text(), parameters);
        Route route = null;
        SendOutcome outcome = null;
        for (int i = 0; i < candidates.size(); i++) {
            route = candidates.get(i);
            // the first route's send was taken from its bucket at the claim; a failover takes its own now
            outcome = i > 0 && !withinSendRate(route) ? SendOutcome.transientFailure("RATE_LIMITED",
                    "The connection's own send rate is used up for this second") : call(route, outbound, attempt);
            if (outcome.status() != SendOutcome.Status.TRANSIENT) {
                break;
            }
        }
        return answered(attempt.through(route.connectionId()), message, route, outcome, started);
    }

    /**
     * Whether a connection with its own send rate has a send left now (one token from its cluster-wide
     * bucket). A missing bucket is created on its own first: concurrent first takes that inserted it
     * inside their locking transactions deadlocked on MariaDB. Contention counts as no send left: the
     * attempt is tried again later, and nothing was sent.
     */
    private boolean withinSendRate(Route route) {
        if (route.connectionId() == null || route.sendRate() == null) {
            return true;
        }
        long id = route.connectionId();
        try {
            Optional<SendRateLimiter.Grant> grant = takeOne(id, route.sendRate());
            if (grant.isEmpty()) {
                rateLimiter.createConnectionBucket(id, route.sendRate(), clock.instant());
                grant = takeOne(id, route.sendRate());
            }
            return grant.map(g -> g.now() > 0).orElse(false);
        }
        catch (TransientDataAccessException contention) {
            return false;
        }
    }

    private Optional<SendRateLimiter.Grant> takeOne(long connectionId, int rate) {
        return transaction.execute(status -> rateLimiter.takeFromConnection(connectionId, rate, clock.instant()));
    }

    private SendOutcome call(Route route, OutboundMessage outbound, AttemptRow attempt) {
        long started = System.nanoTime();
        SendOutcome outcome;
        try {
            outcome = route.send(outbound);
        }
        catch (RuntimeException providerFailure) {
            log.warn("Provider {} failed on attempt {}", route.provider(), attempt.id(), providerFailure);
            outcome = SendOutcome.failed("PROVIDER_ERROR", shortened(String.valueOf(providerFailure.getMessage())));
        }
        metrics.providerCall(attempt.channel(), route.provider(), outcome.status(), Duration.ofNanos(System.nanoTime() - started));
        return outcome;
    }

    /** The attempt after its provider's answer. */
    private AttemptRow answered(AttemptRow attempt, MessageRow message, Route route, SendOutcome given, Instant started) {
        Instant now = clock.instant();
        SendOutcome outcome = fitted(given);
        String error = outcome.errorMessage() == null ? null : shortened(outcome.errorMessage());
        return switch (outcome.status()) {
            case ACCEPTED -> route.reportsDelivery()
                    ? attempt.sent(route.provider(), outcome.providerMessageId(), now,
                            message.windows().addOpenTime(now, Duration.ofMinutes(message.validityMinutes()), message.zone()))
                    : attempt.finished(AttemptStatus.DELIVERED, route.provider(), outcome.providerMessageId(), null, null, now);
            case DELIVERED -> attempt.finished(AttemptStatus.DELIVERED, route.provider(), outcome.providerMessageId(), null, null, now);
            case FAILED -> attempt.finished(AttemptStatus.FAILED, route.provider(), outcome.providerMessageId(), outcome.errorCode(), error,
                    now);
            case NO_ACCOUNT -> attempt.finished(AttemptStatus.NO_ACCOUNT, route.provider(), outcome.providerMessageId(),
                    outcome.errorCode(), error, now);
            // the provider may have it: like a lost answer, it waits for a report (or counts as delivered), never resent
            case UNKNOWN -> Outcomes.afterLostAnswer(attempt, started, route.reportsDelivery(), route.provider(),
                    message.windows().addOpenTime(started, Duration.ofMinutes(message.validityMinutes()), message.zone()), now);
            case TRANSIENT -> retryLater(attempt, message, route, outcome, error, now);
        };
    }

    /**
     * A provider id longer than the attempt's column (128) is cut rather than failing the batch's answers;
     * no report would match it anyway.
     */
    private static SendOutcome fitted(SendOutcome outcome) {
        String id = outcome.providerMessageId();
        return id == null || id.length() <= 128 ? outcome
                : new SendOutcome(outcome.status(), id.substring(0, 128), outcome.errorCode(), outcome.errorMessage());
    }

    /**
     * No route could take the attempt now: it is queued again after a backoff (5 s doubling to 5 min) while
     * the message's validity, counted from the first try, lasts; then it fails with the last reason.
     */
    private AttemptRow retryLater(AttemptRow attempt, MessageRow message, Route route, SendOutcome outcome, String error, Instant now) {
        Instant firstTry = attempt.firstTriedAt() == null ? now : attempt.firstTriedAt();
        Duration backoff = retryBackoff.multipliedBy(1L << Math.min(attempt.providerTries(), 6));
        if (backoff.compareTo(LONGEST_RETRY_BACKOFF) > 0) {
            backoff = LONGEST_RETRY_BACKOFF;
        }
        Instant nextTry = now.plus(backoff);
        Instant validUntil = message.windows().addOpenTime(firstTry, Duration.ofMinutes(message.validityMinutes()), message.zone());
        if (nextTry.isAfter(validUntil)) {
            return attempt.finished(AttemptStatus.FAILED, route.provider(), null, outcome.errorCode(),
                    shortened("Given up after " + (attempt.providerTries() + 1) + " tries within the validity period: " + error), now);
        }
        return attempt.retrying(nextTry, firstTry, outcome.errorCode(), error);
    }

    /** WhatsApp text outside a template needs a conversation the recipient opened within 24 hours. */
    private boolean whatsAppFreeTextAllowed(AttemptRow attempt, Map<String, Object> parameters, MessageRow message) {
        if (attempt.channel() != Channel.WHATSAPP || parameters.containsKey("templateName")) {
            return true;
        }
        return conversations.whatsAppSessionOpen(message.companyId(), attempt.address(), clock.instant());
    }

    /** Error messages are kept to what the attempt's column holds (500); a provider's exception can be far longer. */
    private static String shortened(String message) {
        return message.length() <= 500 ? message : message.substring(0, 497) + "...";
    }

    /** The attempt's channel parameters; the chat's bot gets the variables, and an e-mail's subject and HTML are filled with them. */
    private Map<String, Object> parameters(AttemptRow attempt, MessageRow message) {
        Map<String, Object> parameters = attempt.parametersJson() == null ? new HashMap<>()
                : new HashMap<>(json.readValue(attempt.parametersJson(), new TypeReference<Map<String, Object>>() { }));
        // only these two channels use the variables here (the texts were filled at acceptance): no parse on every send
        if (message.variables() == null || (attempt.channel() != Channel.CHAT && attempt.channel() != Channel.EMAIL)) {
            return parameters;
        }
        Map<String, Object> variables = json.readValue(message.variables(), new TypeReference<Map<String, Object>>() { });
        if (attempt.channel() == Channel.CHAT) {
            parameters.put("variables", variables);
        }
        if (attempt.channel() == Channel.EMAIL) {
            for (String filled : List.of("subject", "html")) {
                if (parameters.get(filled) instanceof String template) {
                    parameters.put(filled, Texts.fill(template, variables));
                }
            }
        }
        return parameters;
    }
}
