package io.kaskad.channel;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * When each recipient last wrote to a company on a messenger. WhatsApp lets a business send free text
 * (outside an approved template) only within 24 hours of the recipient's last message (seed 000);
 * inbound messages are recorded here by whatever receives them (provider webhooks, chats).
 */
@Service
public class ConversationWindows {

    public static final Duration WHATSAPP_WINDOW = Duration.ofHours(24);

    private final JdbcClient jdbc;

    ConversationWindows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void recordInbound(long companyId, Channel channel, String address, Instant at) {
        String key = normalized(address);
        int updated = jdbc.sql("""
                UPDATE messenger_contact SET last_inbound_at = ?
                WHERE company_id = ? AND channel = ? AND address = ? AND last_inbound_at < ?""")
            .params(Timestamp.from(at), companyId, channel.name(), key, Timestamp.from(at))
            .update();
        if (updated == 0) {
            try {
                jdbc.sql("INSERT INTO messenger_contact (company_id, channel, address, last_inbound_at) VALUES (?, ?, ?, ?)")
                    .params(companyId, channel.name(), key, Timestamp.from(at))
                    .update();
            }
            catch (DuplicateKeyException alreadyThere) {
                // a later message is already recorded, or another node recorded this one
            }
        }
    }

    /** Whether free text may be sent to {@code address} on WhatsApp at {@code now}. */
    public boolean whatsAppSessionOpen(long companyId, String address, Instant now) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM messenger_contact
                WHERE company_id = ? AND channel = 'WHATSAPP' AND address = ? AND last_inbound_at > ?""")
            .params(companyId, normalized(address), Timestamp.from(now.minus(WHATSAPP_WINDOW)))
            .query(Long.class)
            .single() > 0;
    }

    private static String normalized(String address) {
        String trimmed = address.strip();
        return trimmed.startsWith("+") ? trimmed.substring(1) : trimmed;
    }
}
