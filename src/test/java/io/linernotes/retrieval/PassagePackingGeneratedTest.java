package io.linernotes.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linernotes.config.EssayConfig;
import io.linernotes.config.RetrievalConfig;
import io.linernotes.essay.EssayDraft;
import io.linernotes.essay.EssayParser;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Packing short paragraphs into passages, on cases generated from the project's own essays (the bundled demo
 * essays and the retrieval fixtures) under many size settings: the packed passages are the one-per-paragraph
 * passages grouped in order, nothing lost or moved; a group never passes the cap, only grows while it is below
 * the packing size, and stops growing only when the next paragraph (with its heading, if it opens a section)
 * would pass the cap, is a piece of a paragraph cut at the cap, or is a run of short lines standing alone.
 */
class PassagePackingGeneratedTest {

    static Stream<Arguments> cases() throws Exception {
        List<EssayDraft> drafts = new ArrayList<>();
        EssayParser parser = new EssayParser(EssayConfig.defaults());
        String index = new String(resource("/demo-essays/index.txt"), StandardCharsets.UTF_8);
        for (String name : index.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
            drafts.addAll(parser.parse(name, resource("/demo-essays/" + name)));
        }
        drafts.add(SeedEssays.fixture("harbor-lights-juno-vale.txt"));
        drafts.add(SeedEssays.fixture("paper-crowns-low-orchard.txt"));
        List<Arguments> out = new ArrayList<>();
        for (EssayDraft d : drafts) {
            for (int max : new int[] {200, 400, 800, 1200, 2000}) {
                for (int min : new int[] {0, max / 4, max / 2, max * 3 / 4, max}) {
                    out.add(Arguments.of(d.title() + " max=" + max + " min=" + min, d.body(), max, min));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("packed passages group the paragraph passages in order, within the cap, up to the packing size")
    void packedPassagesGroupParagraphs(String label, String body, int max, int min) {
        List<String> single = new Chunker(max).chunkText(body);
        List<String> packed = new Chunker(max, min).chunkText(body);
        assertFalse(packed.isEmpty(), label);
        int next = 0;
        for (String passage : packed) {
            assertTrue(passage.length() <= max, label + ": past the cap: " + passage);
            // The passage is one or more consecutive single-paragraph passages joined by a paragraph break.
            StringBuilder group = new StringBuilder(single.get(next));
            next++;
            while (group.length() < passage.length()) {
                assertTrue(group.length() < min, label + ": grew past the packing size: " + passage);
                String member = single.get(next);
                group.append(Chunker.PARAGRAPH_BREAK).append(member);
                next++;
            }
            assertEquals(group.toString(), passage, label);
            // Stopped early only where the next paragraph would pass the cap, is a piece of a longer one, or
            // where one of the two is a run of short lines that stands alone.
            if (passage.length() < min && next < single.size()) {
                String following = single.get(next);
                boolean linesOnly = onlyShortLines(following) || onlyShortLines(passage);
                assertTrue(linesOnly || !wholeParagraph(body, following)
                        || passage.length() + Chunker.PARAGRAPH_BREAK.length() + following.length() > max,
                        label + ": stopped packing for no reason before: " + following);
            }
        }
        assertEquals(single.size(), next, label + ": paragraphs lost");
        if (min == 0) {
            assertEquals(single, packed, label);
        }
    }

    @Test
    @DisplayName("the default configuration packs, the index layout records it, and a chunker must match it")
    void layoutRecordsPacking() {
        RetrievalConfig config = RetrievalConfig.defaults();
        assertEquals(RetrievalConfig.DEFAULT_CHUNK_MIN_CHARS, config.chunkMinChars());
        IndexLayout packed = IndexLayout.of(new RetrievalConfig(0, 0, 0, 0, false, null, null), null);
        IndexLayout single = new IndexLayout(null, 0, config.chunkMaxChars());
        assertEquals(config.chunkMinChars(), packed.chunkMinChars());
        assertFalse(packed.signature().equals(single.signature()), "a change of packing rebuilds the index");
        assertEquals(config.chunkMinChars(), Chunker.of(config).minChars());
    }

    /** Whether every line of {@code passage} is short and unfinished, like a heading or a verse line. */
    private static boolean onlyShortLines(String passage) {
        return passage.lines().allMatch(l -> Chunker.isHeadingLike(l.strip()));
    }

    /**
     * Whether {@code passage} is a whole paragraph of {@code body} (not a piece of one cut at the cap), the
     * heading lines glued before it aside.
     */
    private static boolean wholeParagraph(String body, String passage) {
        List<String> lines = passage.lines().toList();
        String own = lines.get(lines.size() - 1);
        for (String paragraph : body.split("\\R[ \\t\\u00A0]*\\R")) {
            if (paragraph.replaceAll("\\s+", " ").strip().equals(own)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] resource(String name) throws Exception {
        try (InputStream in = PassagePackingGeneratedTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}
