package io.kaskad.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** All UI text lives in the bundles: Russian and English must offer exactly the same keys, and no page writes text of its own. */
class MessageBundlesTests {

    /** A tag (attributes may hold {@code >}) and the text after it, up to the next tag. */
    private static final Pattern TAG_THEN_TEXT = Pattern.compile("(<(?:[^<>\"']|\"[^\"]*\"|'[^']*')*>)([^<]*)");
    /** Attributes that replace an element's text, so what the template holds there is only a preview. */
    private static final Pattern REPLACES_TEXT = Pattern.compile("\\b(th:text|th:utext|th:replace|th:insert|th:remove|sec:authentication)=");
    /** Names, not words: the same in every language. */
    private static final Set<String> NAMES = Set.of("Kaskad", "RU", "EN");

    @Test
    void russianAndEnglishHaveTheSameKeysAndNoEmptyText() throws IOException {
        Properties russian = load("/messages.properties");
        Properties english = load("/messages_en.properties");
        assertThat(english.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(russian.stringPropertyNames());
        assertThat(russian.values()).allSatisfy(text -> assertThat(text.toString()).isNotBlank());
        assertThat(english.values()).allSatisfy(text -> assertThat(text.toString()).isNotBlank());
    }

    /**
     * Text written into a template (outside an element whose text comes from a bundle) would show in
     * Russian to an English user: like spring-petclinic's I18nPropertiesSyncTest, every page is read for it.
     */
    @Test
    void noTemplateWritesTextOfItsOwn() throws IOException {
        List<String> literal = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".html")).toList()) {
                String html = Files.readString(file)
                    .replaceAll("(?s)<!--.*?-->", "")
                    .replaceAll("(?s)<(script|style)\\b.*?</\\1>", "");
                Matcher tagThenText = TAG_THEN_TEXT.matcher(html);
                while (tagThenText.find()) {
                    String tag = tagThenText.group(1);
                    String text = tagThenText.group(2).strip();
                    boolean words = text.codePoints().anyMatch(Character::isLetter);
                    boolean preview = !tag.startsWith("</") && REPLACES_TEXT.matcher(tag).find();
                    if (words && !preview && !NAMES.contains(text)) {
                        literal.add(file.getFileName() + ": " + text);
                    }
                }
            }
        }
        assertThat(literal).as("text outside the message bundles").isEmpty();
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
