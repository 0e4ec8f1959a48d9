package io.kaskad.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Binds instants to TIMESTAMP parameters on the hot write paths (ingest, dispatch).
 * <p>
 * Connector/J renders a {@link Timestamp} parameter with a {@code SimpleDateFormat} it builds anew for
 * every value: a quarter of ingest's JDBC time in a flight recording. A {@link LocalDateTime} is rendered
 * with a shared {@code DateTimeFormatter} and sent as it is, so it must be the instant's wall-clock time in
 * the zone the driver renders timestamps in (the {@code connectionTimeZone}; H2 uses the JVM's). Rather
 * than reading driver internals, the binding is chosen at start by sending both forms of two instants
 * (winter and summer, with microseconds) and comparing what the database received: a zone whose
 * {@code LocalDateTime} reads back exactly as the {@code Timestamp} does is used; otherwise (an unusual
 * driver setting) every value stays a {@code Timestamp}, as slow and as right as before.
 */
@Component
public class TimestampBinding {

    private static final Logger log = LoggerFactory.getLogger(TimestampBinding.class);

    private static final List<Instant> PROBES = List.of(Instant.parse("2026-01-15T09:08:07.123456Z"),
            Instant.parse("2026-07-15T21:08:07.654321Z"));

    private final ZoneId zone;

    public TimestampBinding(DataSource dataSource) {
        this.zone = chooseZone(dataSource);
        log.info("timestamps are bound {}", zone == null ? "as java.sql.Timestamp" : "as LocalDateTime in " + zone);
    }

    /** The value to bind for {@code instant} (null stays null). */
    public Object bind(Instant instant) {
        if (instant == null) {
            return null;
        }
        return zone == null ? Timestamp.from(instant) : LocalDateTime.ofInstant(instant, zone);
    }

    /** The zone {@link LocalDateTime} values are written in, or null when they are bound as {@link Timestamp}s. */
    ZoneId zone() {
        return zone;
    }

    private static ZoneId chooseZone(DataSource dataSource) {
        Set<ZoneId> candidates = new LinkedHashSet<>(List.of(ZoneOffset.UTC, ZoneId.systemDefault()));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT ?")) {
            for (ZoneId candidate : candidates) {
                if (agrees(select, candidate)) {
                    return candidate;
                }
            }
        }
        catch (SQLException e) {
            log.warn("could not compare timestamp bindings, keeping java.sql.Timestamp: {}", e.getMessage());
        }
        return null;
    }

    private static boolean agrees(PreparedStatement select, ZoneId zone) throws SQLException {
        for (Instant probe : PROBES) {
            select.setTimestamp(1, Timestamp.from(probe));
            String asTimestamp = received(select);
            select.setObject(1, LocalDateTime.ofInstant(probe, zone));
            if (!Objects.equals(asTimestamp, received(select))) {
                return false;
            }
        }
        return true;
    }

    private static String received(PreparedStatement select) throws SQLException {
        try (ResultSet rs = select.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }
}
