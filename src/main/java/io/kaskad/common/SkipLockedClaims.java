package io.kaskad.common;

import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * The end of a claim, a statement that takes the first rows in some order and locks them for its transaction,
 * skipping rows another transaction holds, written so that it locks only the rows it answers.
 *
 * <p>MySQL and MariaDB read {@code ORDER BY … LIMIT n FOR UPDATE SKIP LOCKED} through the order's index and lock
 * as they go. H2 (2.4) locks every row that meets the condition, then sorts and cuts: a claim of 500 attempts out
 * of 100,000 due held all 100,000 until it committed, the other claims found nothing, and every other writer of
 * those rows waited until its lock timed out ("Timeout trying to lock table"). Without the {@code ORDER BY}, H2
 * stops after n rows. Each claim reads through an index that begins with its order (a condition on the index's
 * leading column is an equality), so the rows still come oldest first; and the order is only fairness, never
 * correctness: whatever a claim leaves, the next one takes.
 */
@Component
public class SkipLockedClaims {

    private final boolean sortsBeforeLocking;

    public SkipLockedClaims(DataSource dataSource) {
        this.sortsBeforeLocking = sortsBeforeLocking(DatabaseProduct.name(dataSource));
    }

    /** What ends the claim: the order (on databases that lock as they read in it), the limit as a {@code ?}, the lock. */
    public String firstLocked(String orderBy) {
        return (sortsBeforeLocking ? "" : "ORDER BY " + orderBy + " ") + "LIMIT ? FOR UPDATE SKIP LOCKED";
    }

    static boolean sortsBeforeLocking(String productName) {
        return productName != null && productName.toLowerCase(Locale.ROOT).contains("h2");
    }
}
