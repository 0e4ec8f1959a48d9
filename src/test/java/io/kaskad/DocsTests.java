package io.kaskad;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README and the pages under docs/ stay true to the code: every relative link (and its #anchor) leads somewhere,
 * every {@code kaskad.*} property they name is one the application reads, and docs/configuration.md lists every one
 * it reads.
 */
class DocsTests {

    private static final Path ROOT = Path.of("").toAbsolutePath();

    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern PROPERTY = Pattern.compile("(?<![\\w./${])kaskad(?:\\.[a-z][a-z0-9-]*[a-z0-9])+");
    private static final Pattern VALUE_PLACEHOLDER = Pattern.compile("\\$\\{(kaskad\\.[a-z0-9.-]+)[:}]");
    private static final Pattern CONFIGURATION_ROW = Pattern.compile("^\\|\\s*`(kaskad\\.[a-z0-9.-]+)`");

    @Test
    void everyRelativeLinkLeadsToAFileAndAHeadingThatExist() {
        List<String> broken = new ArrayList<>();
        for (Path page : pages()) {
            Matcher link = LINK.matcher(prose(read(page)));
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("^[a-z]+:.*")) {
                    continue;
                }
                String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
                Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
                if (!resolved.startsWith(ROOT) || !Files.exists(resolved)) {
                    broken.add(ROOT.relativize(page) + ": " + target + " (no such file)");
                } else if (anchor != null && resolved.toString().endsWith(".md") && !anchors(resolved).contains(anchor)) {
                    broken.add(ROOT.relativize(page) + ": " + target + " (no such heading in " + ROOT.relativize(resolved) + ")");
                }
            }
        }
        assertThat(broken).as("relative links that lead nowhere").isEmpty();
    }

    @Test
    void everyPropertyThePagesNameIsOneTheApplicationReads() {
        Set<String> defined = definedProperties();
        List<String> unknown = new ArrayList<>();
        for (Path page : pages()) {
            Matcher property = PROPERTY.matcher(read(page));
            while (property.find()) {
                String name = property.group();
                boolean known = defined.contains(name) || defined.stream().anyMatch(p -> p.startsWith(name + "."));
                if (!known) {
                    unknown.add(ROOT.relativize(page) + ": " + name);
                }
            }
        }
        assertThat(unknown).as("properties named in the docs that the application does not read").isEmpty();
    }

    @Test
    void theConfigurationPageListsEveryPropertyTheApplicationReads() {
        Set<String> listed = new TreeSet<>();
        for (String line : read(ROOT.resolve("docs/configuration.md")).lines().toList()) {
            Matcher row = CONFIGURATION_ROW.matcher(line);
            if (row.find()) {
                listed.add(row.group(1));
            }
        }
        Set<String> missing = new TreeSet<>(definedProperties());
        missing.removeAll(listed);
        assertThat(missing).as("properties the application reads that docs/configuration.md has no row for").isEmpty();
    }

    /** What the application reads: its configuration-properties records, its {@code @Value}s and its property files. */
    private static Set<String> definedProperties() {
        Set<String> names = new TreeSet<>();
        Path metadata = ROOT.resolve("target/classes/META-INF/spring-configuration-metadata.json");
        assertThat(metadata).as("written by spring-boot-configuration-processor when the main code compiles").exists();
        JsonNode json = JsonMapper.builder().build().readTree(read(metadata));
        for (JsonNode property : json.path("properties")) {
            names.add(property.path("name").asString());
        }
        try (Stream<Path> sources = Files.walk(ROOT.resolve("src/main"))) {
            for (Path source : sources.filter(Files::isRegularFile).toList()) {
                String name = source.getFileName().toString();
                if (name.endsWith(".java")) {
                    Matcher placeholder = VALUE_PLACEHOLDER.matcher(read(source));
                    while (placeholder.find()) {
                        names.add(placeholder.group(1));
                    }
                } else if (name.startsWith("application") && name.endsWith(".properties")) {
                    read(source).lines().map(String::strip).filter(line -> line.startsWith("kaskad."))
                            .map(line -> line.split("[=:]", 2)[0].strip()).forEach(names::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    private static List<Path> pages() {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pages;
    }

    /** The page without its fenced code blocks and inline code, where brackets are not links. */
    private static String prose(String markdown) {
        return markdown.replaceAll("(?ms)^```.*?^```", "").replaceAll("`[^`\n]*`", "");
    }

    /** GitHub's anchors of a page's headings: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
    private static Set<String> anchors(Path page) {
        Set<String> anchors = new TreeSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : prose(read(page)).lines().toList()) {
            if (!line.matches("^#{1,6} .*")) {
                continue;
            }
            String slug = line.replaceFirst("^#+ ", "").strip().toLowerCase()
                    .replaceAll("[^\\p{L}\\p{N}\\s_-]", "").replace(' ', '-');
            int repeat = seen.merge(slug, 1, Integer::sum) - 1;
            anchors.add(repeat == 0 ? slug : slug + "-" + repeat);
        }
        return anchors;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
