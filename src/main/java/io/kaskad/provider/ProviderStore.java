package io.kaskad.provider;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import io.kaskad.channel.Channel;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code provider_connection} table; every query is scoped by company. Secrets stay sealed here. */
@Repository
class ProviderStore {

    /** A row as stored: settings as a map, secrets still encrypted. */
    record Row(long id, long companyId, String name, Channel channel, ProviderType type, int priority, boolean enabled,
            Integer sendRate, Map<String, String> settings, String sealedSecrets, Instant createdAt, Instant updatedAt) {
    }

    private static final String COLUMNS =
            "id, company_id, name, channel, type, priority, enabled, send_rate, settings, secrets, created_at, updated_at";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ProviderStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<Row> list(long companyId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM provider_connection WHERE company_id = ? ORDER BY channel, priority, id")
            .param(companyId)
            .query(this::row)
            .list();
    }

    List<Row> enabled(long companyId, Channel channel) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM provider_connection WHERE company_id = ? AND channel = ? AND enabled = TRUE "
                + "ORDER BY priority, id")
            .params(companyId, channel.name())
            .query(this::row)
            .list();
    }

    Optional<Row> find(long companyId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM provider_connection WHERE company_id = ? AND id = ?")
            .params(companyId, id)
            .query(this::row)
            .optional();
    }

    boolean nameTaken(long companyId, String name, Long exceptId) {
        return jdbc.sql("SELECT COUNT(*) FROM provider_connection WHERE company_id = ? AND name = ? AND id <> ?")
            .params(companyId, name, exceptId == null ? -1L : exceptId)
            .query(Long.class)
            .single() > 0;
    }

    long insert(Row row) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO provider_connection (company_id, name, channel, type, priority, enabled, send_rate, settings, secrets, "
                + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .params(row.companyId(), row.name(), row.channel().name(), row.type().name(), row.priority(), row.enabled(), row.sendRate(),
                    json.writeValueAsString(row.settings()), row.sealedSecrets(), Timestamp.from(row.createdAt()),
                    Timestamp.from(row.updatedAt()))
            .update(key, "id");
        return key.getKey().longValue();
    }

    void update(Row row) {
        jdbc.sql("UPDATE provider_connection SET name = ?, priority = ?, enabled = ?, send_rate = ?, settings = ?, secrets = ?, "
                + "updated_at = ? WHERE company_id = ? AND id = ?")
            .params(row.name(), row.priority(), row.enabled(), row.sendRate(), json.writeValueAsString(row.settings()),
                    row.sealedSecrets(), Timestamp.from(row.updatedAt()), row.companyId(), row.id())
            .update();
    }

    boolean delete(long companyId, long id) {
        return jdbc.sql("DELETE FROM provider_connection WHERE company_id = ? AND id = ?").params(companyId, id).update() > 0;
    }

    /** Names of connections by id, for showing which connection took an attempt. */
    Map<Long, String> names(long companyId, List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT id, name FROM provider_connection WHERE company_id = :company AND id IN (:ids)")
            .param("company", companyId)
            .param("ids", ids)
            .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
            .list()
            .stream()
            .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private Row row(ResultSet rs, int rowNum) throws SQLException {
        int rate = rs.getInt("send_rate");
        Integer sendRate = rs.wasNull() ? null : rate;
        return new Row(rs.getLong("id"), rs.getLong("company_id"), rs.getString("name"), Channel.valueOf(rs.getString("channel")),
                ProviderType.valueOf(rs.getString("type")), rs.getInt("priority"), rs.getBoolean("enabled"), sendRate,
                json.readValue(rs.getString("settings"), new TypeReference<Map<String, String>>() { }), rs.getString("secrets"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
