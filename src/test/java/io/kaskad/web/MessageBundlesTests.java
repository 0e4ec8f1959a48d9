package io.kaskad.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** All UI text lives in the bundles: Russian and English must offer exactly the same keys. */
class MessageBundlesTests {

    @Test
    void russianAndEnglishHaveTheSameKeysAndNoEmptyText() throws IOException {
        Properties russian = load("/messages.properties");
        Properties english = load("/messages_en.properties");
        assertThat(english.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(russian.stringPropertyNames());
        assertThat(russian.values()).allSatisfy(text -> assertThat(text.toString()).isNotBlank());
        assertThat(english.values()).allSatisfy(text -> assertThat(text.toString()).isNotBlank());
    }

    @Test
    void russianIsTheDefaultBundle() throws IOException {
        assertThat(load("/messages.properties").getProperty("login.submit")).isEqualTo("Войти");
    }

    private static Properties load(String path) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTests.class.getResourceAsStream(path)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
