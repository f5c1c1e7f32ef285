package io.linernotes.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Folding: invisible characters and accents, once for every layer")
class FoldingTest {

    @Test
    @DisplayName("format and control characters go, white space and visible letters stay")
    void removesInvisible() {
        assertEquals("Runaway by Kanye West ", Folding.withoutInvisible("Run\u200Baway\u202E by \uFEFFKan\u200Dye\u00AD West\u0007"));
        assertEquals("what does", Folding.withoutInvisible("what\0does"));
        assertEquals("two\nlines\tand tab", Folding.withoutInvisible("two\nlines\tand tab"));
        assertNull(Folding.withoutInvisible(null));
    }

    @Test
    @DisplayName("accents and case fold away, curly apostrophes become straight")
    void foldsAccentsAndCase() {
        assertEquals("beyonce's cafe", Folding.accentsAndCase("Beyoncé’s CAFÉ"));
    }
}
