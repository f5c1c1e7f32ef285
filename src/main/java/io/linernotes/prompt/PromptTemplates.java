package io.linernotes.prompt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The prompt templates ({@code prompts/*.md}), loaded and checked once at start-up. Each template must
 * contain exactly the placeholders the code fills in, written {@code {{name}}}: a missing one would
 * silently drop context, an unknown one would reach the model unfilled. When the folder does not exist
 * the copies bundled in the jar (classpath {@code prompts/}) are used.
 */
public final class PromptTemplates {

    /** The system message. */
    public static final String SYSTEM = "system";
    /** The user message of a grounded answer. */
    public static final String ANSWER = "answer";
    /** The plain reply when no essay covers the song; not sent to a model. */
    public static final String NO_COMMENTARY = "no-commentary";

    /** Template name → the placeholders it must contain, no more, no fewer. */
    /** What the bot says to an empty question: how to ask. */
    public static final String EMPTY_QUESTION = "empty-question";
    public static final Map<String, Set<String>> REQUIRED = requiredPlaceholders();

    private static final Logger log = LoggerFactory.getLogger(PromptTemplates.class);
    /** Anything between double braces counts, so that a typo like {{ Song }} is reported, not sent. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);
    private static final String BUNDLED_FOLDER = "/prompts/";

    private final Map<String, String> templates;
    private final String origin;

    private PromptTemplates(Map<String, String> templates, String origin) {
        this.templates = Map.copyOf(templates);
        this.origin = origin;
    }

    private static Map<String, Set<String>> requiredPlaceholders() {
        Map<String, Set<String>> required = new LinkedHashMap<>();
        required.put(SYSTEM, Set.of());
        required.put(ANSWER, Set.of("song", "notes", "history", "passages", "question"));
        required.put(NO_COMMENTARY, Set.of("subject"));
        required.put(EMPTY_QUESTION, Set.of());
        return Map.copyOf(required);
    }

    /**
     * Reads the templates from {@code dir}, or from the bundled copies when {@code dir} does not exist.
     *
     * @throws PromptTemplateException naming the file and placeholder at fault
     */
    public static PromptTemplates load(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) {
            log.info("Prompt folder {} not found; using the bundled prompts", dir);
            return bundled();
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (String name : REQUIRED.keySet()) {
            Path file = dir.resolve(name + ".md");
            if (!Files.isRegularFile(file)) {
                throw new PromptTemplateException("Prompt template " + file + " is missing (required: "
                        + fileNames() + ")");
            }
            try {
                texts.put(name, Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new PromptTemplateException("Prompt template " + file + " cannot be read: " + e.getMessage(), e);
            }
        }
        PromptTemplates loaded = checked(texts, dir.toString());
        log.info("Loaded prompt templates {} from {}", REQUIRED.keySet(), dir);
        return loaded;
    }

    /** The templates bundled in the jar under {@code prompts/}. */
    public static PromptTemplates bundled() {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String name : REQUIRED.keySet()) {
            String resource = BUNDLED_FOLDER + name + ".md";
            try (InputStream in = PromptTemplates.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new PromptTemplateException("Bundled prompt template classpath:" + resource + " is missing");
                }
                texts.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new PromptTemplateException("Bundled prompt template classpath:" + resource
                        + " cannot be read: " + e.getMessage(), e);
            }
        }
        return checked(texts, "classpath:" + BUNDLED_FOLDER);
    }

    private static PromptTemplates checked(Map<String, String> texts, String origin) {
        texts.forEach((name, text) -> {
            String file = origin.endsWith("/") ? origin + name + ".md" : origin + "/" + name + ".md";
            Set<String> found = placeholders(text);
            Set<String> required = REQUIRED.get(name);
            for (String placeholder : found) {
                if (!required.contains(placeholder)) {
                    throw new PromptTemplateException("Prompt template " + file + " has unknown placeholder {{"
                            + placeholder + "}} (allowed: " + describe(required) + ")");
                }
            }
            for (String placeholder : new TreeSet<>(required)) {
                if (!found.contains(placeholder)) {
                    throw new PromptTemplateException("Prompt template " + file + " is missing placeholder {{"
                            + placeholder + "}}");
                }
            }
        });
        return new PromptTemplates(texts, origin);
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static String describe(Set<String> names) {
        if (names.isEmpty()) {
            return "none";
        }
        StringBuilder sb = new StringBuilder();
        for (String n : new TreeSet<>(names)) {
            sb.append(sb.length() == 0 ? "" : ", ").append("{{").append(n).append("}}");
        }
        return sb.toString();
    }

    private static String fileNames() {
        StringBuilder sb = new StringBuilder();
        for (String n : REQUIRED.keySet()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(n).append(".md");
        }
        return sb.toString();
    }

    /**
     * Fills template {@code name}. Values are inserted in one pass, so a value that itself contains
     * {@code {{question}}} stays literal text. Every placeholder needs a value and every value a placeholder.
     */
    public String render(String name, Map<String, String> values) {
        String template = templates.get(name);
        if (template == null) {
            throw new IllegalArgumentException("no prompt template named '" + name + "' (known: "
                    + REQUIRED.keySet() + ")");
        }
        Set<String> expected = REQUIRED.get(name);
        for (String key : values.keySet()) {
            if (!expected.contains(key)) {
                throw new IllegalArgumentException("prompt template '" + name + "' has no placeholder {{" + key + "}}");
            }
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 256);
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value given for {{" + m.group(1) + "}} of prompt template '"
                        + name + "'");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Where the templates were read from: a folder, or {@code classpath:/prompts/}. */
    public String origin() {
        return origin;
    }
}
