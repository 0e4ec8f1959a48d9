package io.kaskad.message;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.kaskad.account.CompanyService;

/**
 * Each company's send rate limit (messages per second, from its settings) as a token bucket in the
 * database, so the limit holds for the cluster as a whole. A bucket holds at most one second of
 * sends. Buckets are locked in ascending company order inside the dispatcher's claim, so two claims
 * never deadlock on them.
 */
@Component
class SendRateLimiter {

    private final JdbcClient jdbc;
    private final CompanyService companies;
    private final TransactionTemplate ownTransaction;

    SendRateLimiter(JdbcClient jdbc, CompanyService companies, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.companies = companies;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Creates missing buckets, full. A concurrent creator simply wins: a duplicate key fails only
     * that statement, not the caller's transaction, on H2 and MySQL alike.
     */
    void ensureBuckets(Collection<Long> companyIds, Instant now) {
        List<Long> existing = jdbc.sql("SELECT company_id FROM send_rate_bucket WHERE company_id IN (:ids)")
            .param("ids", companyIds)
            .query(Long.class)
            .list();
        for (long companyId : companyIds) {
            if (!existing.contains(companyId)) {
                try {
                    jdbc.sql("INSERT INTO send_rate_bucket (company_id, tokens, refilled_at) VALUES (?, ?, ?)")
                        .params(companyId, (double) rate(companyId), Sql.ts(now))
                        .update();
                }
                catch (DuplicateKeyException createdByAnotherNode) {
                    // fine: the bucket exists
                }
            }
        }
    }

    /** How many sends a company may make now, and its rate, to spread the others. */
    record Grant(int now, int ratePerSecond) {

        /** When the {@code n}-th send over the limit (0-based) may go. */
        Instant later(int n, Instant at) {
            return at.plusNanos((long) ((n + 1) * 1e9 / ratePerSecond));
        }
    }

    /** Takes up to {@code wanted} sends from each company's bucket, within the caller's transaction. */
    Map<Long, Grant> take(Map<Long, Integer> wanted, Instant now) {
        Map<Long, Grant> granted = new HashMap<>();
        for (long companyId : new TreeSet<>(wanted.keySet())) {
            granted.put(companyId, takeFrom(COMPANY_BUCKETS, companyId, rate(companyId), wanted.get(companyId), now).orElseThrow());
        }
        return granted;
    }

    /**
     * Takes up to {@code wanted} sends from each connection's own bucket (created full when missing),
     * locked in ascending connection order after the companies' buckets, within the caller's transaction.
     */
    Map<Long, Grant> takeForConnections(Map<Long, Integer> wanted, Map<Long, Integer> rates, Instant now) {
        Map<Long, Grant> granted = new HashMap<>();
        for (long connectionId : new TreeSet<>(wanted.keySet())) {
            int rate = rates.get(connectionId);
            Optional<Grant> grant = takeFrom(CONNECTION_BUCKETS, connectionId, rate, wanted.get(connectionId), now);
            if (grant.isEmpty()) {
                createConnectionBucket(connectionId, rate, now);
                grant = takeFrom(CONNECTION_BUCKETS, connectionId, rate, wanted.get(connectionId), now);
            }
            granted.put(connectionId, grant.orElseThrow());
        }
        return granted;
    }

    /** One send from a connection's bucket, within the caller's transaction; empty when the bucket does not exist yet. */
    Optional<Grant> takeFromConnection(long connectionId, int rate, Instant now) {
        return takeFrom(CONNECTION_BUCKETS, connectionId, rate, 1, now);
    }

    /**
     * Creates a connection's bucket, full, in a transaction of its own (the caller's is suspended): two
     * transactions that inserted the same new row and then locked it deadlocked on MariaDB. A concurrent
     * creator simply wins.
     */
    void createConnectionBucket(long connectionId, int rate, Instant now) {
        try {
            ownTransaction.executeWithoutResult(status -> jdbc.sql(
                    "INSERT INTO connection_rate_bucket (connection_id, tokens, refilled_at) VALUES (?, ?, ?)")
                .params(connectionId, (double) rate, Sql.ts(now))
                .update());
        }
        catch (DuplicateKeyException createdByAnotherNode) {
            // fine: the bucket exists
        }
    }

    /** A bucket table and its key column. */
    private record Buckets(String table, String key) {
    }

    private static final Buckets COMPANY_BUCKETS = new Buckets("send_rate_bucket", "company_id");
    private static final Buckets CONNECTION_BUCKETS = new Buckets("connection_rate_bucket", "connection_id");

    /** Refills a locked bucket for the time since its last refill (one second's worth at most) and takes from it; empty when missing. */
    private Optional<Grant> takeFrom(Buckets buckets, long key, int rate, int wanted, Instant now) {
        Optional<Bucket> found = jdbc.sql("SELECT tokens, refilled_at FROM " + buckets.table() + " WHERE " + buckets.key() + " = ? "
                + "FOR UPDATE")
            .param(key)
            .query((rs, row) -> new Bucket(rs.getDouble(1), Sql.instant(rs, "refilled_at")))
            .optional();
        return found.map(bucket -> {
            double elapsed = Math.max(0, Duration.between(bucket.refilledAt(), now).toNanos() / 1e9);
            double tokens = Math.min(rate, bucket.tokens() + elapsed * rate);
            int take = (int) Math.min(Math.floor(tokens), wanted);
            jdbc.sql("UPDATE " + buckets.table() + " SET tokens = ?, refilled_at = ? WHERE " + buckets.key() + " = ?")
                .params(tokens - take, Sql.ts(now), key)
                .update();
            return new Grant(take, rate);
        });
    }

    private int rate(long companyId) {
        return companies.get(companyId).sendRateLimit();
    }

    private record Bucket(double tokens, Instant refilledAt) {
    }
}
