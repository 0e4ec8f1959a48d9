package io.kaskad.channel.sandbox;

import java.time.Duration;

import org.quartz.JobDetail;
import org.quartz.Trigger;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.kaskad.channel.Channel;
import io.kaskad.channel.ChannelAdapter;
import io.kaskad.common.RecurringJobs;

/**
 * One sandbox adapter per provider channel while {@code kaskad.sandbox.enabled} (the default). The
 * {@code chat} channel has no sandbox: Kaskad's own chats serve it (chat module).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "kaskad.sandbox.enabled", matchIfMissing = true)
class SandboxConfig {

    @Bean
    JobDetail sandboxReportJobDetail() {
        return RecurringJobs.job(SandboxReportJob.class, "sandbox-reports");
    }

    @Bean
    Trigger sandboxReportTrigger(JobDetail sandboxReportJobDetail) {
        return RecurringJobs.every(sandboxReportJobDetail, "sandbox-reports", Duration.ofMillis(500));
    }

    @Bean
    ChannelAdapter sandboxSms(SandboxReportSchedule reports, SandboxSendLog sendLog, SandboxProperties properties) {
        return new SandboxAdapter(Channel.SMS, reports, sendLog, properties);
    }

    @Bean
    ChannelAdapter sandboxEmail(SandboxReportSchedule reports, SandboxSendLog sendLog, SandboxProperties properties) {
        return new SandboxAdapter(Channel.EMAIL, reports, sendLog, properties);
    }

    @Bean
    ChannelAdapter sandboxPush(SandboxReportSchedule reports, SandboxSendLog sendLog, SandboxProperties properties) {
        return new SandboxAdapter(Channel.PUSH, reports, sendLog, properties);
    }

    @Bean
    ChannelAdapter sandboxWhatsapp(SandboxReportSchedule reports, SandboxSendLog sendLog, SandboxProperties properties) {
        return new SandboxAdapter(Channel.WHATSAPP, reports, sendLog, properties);
    }

    @Bean
    ChannelAdapter sandboxViber(SandboxReportSchedule reports, SandboxSendLog sendLog, SandboxProperties properties) {
        return new SandboxAdapter(Channel.VIBER, reports, sendLog, properties);
    }

    @Bean
    ChannelAdapter sandboxTelegram(SandboxReportSchedule reports, SandboxSendLog sendLog, SandboxProperties properties) {
        return new SandboxAdapter(Channel.TELEGRAM, reports, sendLog, properties);
    }

    @Bean
    ChannelAdapter sandboxVk(SandboxReportSchedule reports, SandboxSendLog sendLog, SandboxProperties properties) {
        return new SandboxAdapter(Channel.VK, reports, sendLog, properties);
    }

    @Bean
    ChannelAdapter sandboxOk(SandboxReportSchedule reports, SandboxSendLog sendLog, SandboxProperties properties) {
        return new SandboxAdapter(Channel.OK, reports, sendLog, properties);
    }
}
