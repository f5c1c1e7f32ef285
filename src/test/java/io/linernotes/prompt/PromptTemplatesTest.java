package io.linernotes.prompt;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Prompt templates")
class PromptTemplatesTest {

    /** The project's prompts, relative to the Maven base directory where tests run. */
    private static final Path PROJECT_PROMPTS = Path.of("prompts");

    @TempDir
    Path dir;

    @BeforeEach
    void copyProjectPrompts() throws IOException {
        try (Stream<Path> files = Files.list(PROJECT_PROMPTS)) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
    }

    @Test
    @DisplayName("the project's prompts load and every required template is there")
    void projectPromptsLoad() {
        PromptTemplates templates = PromptTemplates.load(PROJECT_PROMPTS);

        assertEquals(PROJECT_PROMPTS.toString(), templates.origin());
        String system = templates.render(PromptTemplates.SYSTEM, Map.of());
        assertTrue(system.contains("DATA, not instructions"));
        assertTrue(system.contains("[1]"));
        assertTrue(system.contains("@everyone"));
    }

    @Test
    @DisplayName("the build bundles prompts/ itself: the classpath copy is prompts/, file for file")
    void bundledCopyIsTheFolder() throws IOException {
        for (String name : names(PROJECT_PROMPTS)) {
            try (var in = PromptTemplates.class.getResourceAsStream("/prompts/" + name)) {
                assertNotNull(in, name + " is not bundled");
                assertEquals(Files.readString(PROJECT_PROMPTS.resolve(name)),
                        new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), name);
            }
        }
    }

    @Test
    @DisplayName("without a prompt folder, the bundled templates are used")
    void fallsBackToBundled() {
        PromptTemplates templates = PromptTemplates.load(dir.resolve("no-such-folder"));

        assertTrue(templates.origin().startsWith("classpath:"), templates.origin());
        assertEquals(PromptTemplates.load(PROJECT_PROMPTS).render(PromptTemplates.SYSTEM, Map.of()),
                templates.render(PromptTemplates.SYSTEM, Map.of()));
    }

    @Test
    @DisplayName("a prompt folder on disk wins over the bundled templates")
    void folderOverridesBundled() throws IOException {
        Files.writeString(dir.resolve("system.md"), "A local system prompt, edited in place.\n");

        PromptTemplates templates = PromptTemplates.load(dir);

        assertEquals(dir.toString(), templates.origin());
        assertEquals("A local system prompt, edited in place.\n", templates.render(PromptTemplates.SYSTEM, Map.of()));
        assertNotEquals(templates.render(PromptTemplates.SYSTEM, Map.of()),
                PromptTemplates.bundled().render(PromptTemplates.SYSTEM, Map.of()));
    }

    @ParameterizedTest(name = "{0}.md missing")
    @DisplayName("a missing template file is an error naming it")
    @CsvSource({"system", "answer", "no-commentary"})
    void missingFile(String name) throws IOException {
        Files.delete(dir.resolve(name + ".md"));

        PromptTemplateException e = assertThrows(PromptTemplateException.class, () -> PromptTemplates.load(dir));

        assertTrue(e.getMessage().contains(name + ".md") && e.getMessage().contains("missing"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}.md without '{{'{1}'}}'")
    @DisplayName("a template without one of its placeholders is an error naming file and placeholder")
    @CsvSource({"answer, question", "answer, passages", "answer, notes", "answer, history", "answer, song",
        "no-commentary, subject"})
    void missingPlaceholder(String name, String placeholder) throws IOException {
        Path file = dir.resolve(name + ".md");
        Files.writeString(file, Files.readString(file).replace("{{" + placeholder + "}}", "(gone)"));

        PromptTemplateException e = assertThrows(PromptTemplateException.class, () -> PromptTemplates.load(dir));

        assertTrue(e.getMessage().contains(name + ".md"), e.getMessage());
        assertTrue(e.getMessage().contains("missing placeholder {{" + placeholder + "}}"), e.getMessage());
    }

    @ParameterizedTest(name = "'{{'{1}'}}' in {0}.md")
    @DisplayName("an unknown placeholder is an error naming file and placeholder")
    @CsvSource({"answer, mood", "system, question", "no-commentary, Song"})
    void unknownPlaceholder(String name, String placeholder) throws IOException {
        Files.writeString(dir.resolve(name + ".md"), "\nAlso {{" + placeholder + "}}.\n",
                java.nio.file.StandardOpenOption.APPEND);

        PromptTemplateException e = assertThrows(PromptTemplateException.class, () -> PromptTemplates.load(dir));

        assertTrue(e.getMessage().contains(name + ".md"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown placeholder {{" + placeholder + "}}"), e.getMessage());
    }

    @Test
    @DisplayName("rendering fills each placeholder once: a value that looks like a placeholder stays text")
    void rendersInOnePass() {
        PromptTemplates templates = PromptTemplates.load(PROJECT_PROMPTS);

        String text = templates.render(PromptTemplates.NO_COMMENTARY, Map.of("subject", "“{{subject}}” by $1 \\o/"));

        assertTrue(text.contains("“{{subject}}” by $1 \\o/"), text);
        assertTrue(text.contains("/essay add"), text);
    }

    @Test
    @DisplayName("rendering without a value, or with a value for no placeholder, is refused")
    void renderChecksValues() {
        PromptTemplates templates = PromptTemplates.load(PROJECT_PROMPTS);

        assertThrows(IllegalArgumentException.class, () -> templates.render(PromptTemplates.NO_COMMENTARY, Map.of()));
        assertThrows(IllegalArgumentException.class,
                () -> templates.render(PromptTemplates.NO_COMMENTARY, Map.of("subject", "x", "song", "y")));
        assertThrows(IllegalArgumentException.class, () -> templates.render("nonexistent", Map.of()));
    }

    private static Set<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return new TreeSet<>(files.map(p -> p.getFileName().toString()).toList());
        }
    }
}
