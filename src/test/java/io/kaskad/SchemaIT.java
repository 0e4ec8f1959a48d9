package io.kaskad;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.SchedulerMetaData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.kaskad.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Liquibase built the schema, Quartz tables included, and Quartz runs clustered on the JDBC store. */
@IntegrationTest
class SchemaIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Scheduler scheduler;

    @Test
    void everyChangesetIsApplied() {
        List<String> ids = jdbc.sql("SELECT id FROM DATABASECHANGELOG").query(String.class).list();
        assertThat(ids).contains("2026-11-21-01-quartz", "2026-11-21-02-accounts", "2026-11-21-03-remember-me");
    }

    @Test
    void quartzTablesExist() {
        for (String table : List.of("QRTZ_JOB_DETAILS", "QRTZ_TRIGGERS", "QRTZ_SIMPLE_TRIGGERS", "QRTZ_CRON_TRIGGERS",
                "QRTZ_SIMPROP_TRIGGERS", "QRTZ_BLOB_TRIGGERS", "QRTZ_CALENDARS", "QRTZ_PAUSED_TRIGGER_GRPS",
                "QRTZ_FIRED_TRIGGERS", "QRTZ_SCHEDULER_STATE", "QRTZ_LOCKS")) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single()).as(table).isNotNegative();
        }
    }

    @Test
    void quartzRunsClusteredOnThePersistentStore() throws Exception {
        SchedulerMetaData meta = scheduler.getMetaData();
        assertThat(meta.isJobStoreClustered()).isTrue();
        assertThat(meta.isJobStoreSupportsPersistence()).isTrue();
        assertThat(meta.getSchedulerName()).isEqualTo("kaskad");
        assertThat(scheduler.isStarted()).isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM QRTZ_SCHEDULER_STATE WHERE INSTANCE_NAME = ?")
            .param(meta.getSchedulerInstanceId())
            .query(Long.class)
            .single()).isEqualTo(1);
    }
}
