package io.kaskad.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

import com.github.tomakehurst.wiremock.WireMockServer;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A fake Telegram Bot API over real HTTP (WireMock) for every integration test: Kaskad's
 * {@code kaskad.telegram.api-url} points at it. Tests stub and verify the calls they care about.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FakeTelegramConfig {

    @Bean(destroyMethod = "stop")
    public WireMockServer fakeTelegram() {
        WireMockServer server = new WireMockServer(options().dynamicPort());
        server.start();
        return server;
    }

    @Bean
    DynamicPropertyRegistrar fakeTelegramUrl(WireMockServer fakeTelegram) {
        return registry -> registry.add("kaskad.telegram.api-url", fakeTelegram::baseUrl);
    }
}
