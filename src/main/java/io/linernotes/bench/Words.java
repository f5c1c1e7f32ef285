package io.linernotes.bench;

import java.util.List;

/** Word lists and sentence templates for {@link SyntheticCorpus}; written for this project. */
final class Words {

    private Words() {
    }

    static final List<String> ADJECTIVES = List.of("silver", "broken", "golden", "quiet", "electric", "hollow",
            "burning", "velvet", "midnight", "restless", "paper", "crimson", "frozen", "wild", "lonely", "bitter",
            "sweet", "neon", "distant", "wicked", "gentle", "heavy", "tender", "faded", "lucky", "secret", "savage",
            "careless", "endless", "little", "crooked", "blue", "sleepless", "borrowed", "painted", "rusty");
    static final List<String> NOUNS = List.of("heart", "river", "highway", "window", "mirror", "lantern", "ghost",
            "thunder", "diamond", "shadow", "engine", "letter", "garden", "harbour", "satellite", "promise", "sparrow",
            "cathedral", "wire", "fever", "ocean", "compass", "cigarette", "telephone", "orchard", "lighthouse",
            "carousel", "machine", "feather", "stranger", "hurricane", "candle", "ribbon", "saint", "bullet",
            "anchor", "wolf", "daughter", "kingdom", "mountain", "radio", "suitcase", "tide", "echo", "horizon");
    static final List<String> PLACES = List.of("avenue", "station", "boulevard", "valley", "motel", "city",
            "bridge", "coast", "desert", "parade", "hotel", "corner", "county", "island", "canyon", "skyline");
    static final List<String> VERBS = List.of("hold", "call", "save", "leave", "take", "follow", "forgive", "find",
            "kiss", "remember", "carry", "wake", "show", "teach", "tell", "let");
    static final List<String> ADVERBS = List.of("tonight", "slowly", "again", "home", "down", "gently", "forever",
            "now", "closer", "under", "away", "softly");
    static final List<String> FIRST_NAMES = List.of("Ada", "Marcus", "Lena", "Theo", "Noor", "Jonah", "Ines",
            "Calvin", "Rosa", "Dmitri", "Aaliyah", "Felix", "Mara", "Kwame", "Yuki", "Oskar", "Priya", "Silas",
            "Dolores", "Ezra", "Hana", "Luca", "Imani", "Bram");
    static final List<String> LAST_NAMES = List.of("Vance", "Okafor", "Lindqvist", "Marlowe", "Castillo",
            "Petrov", "Ashby", "Nakamura", "Delacroix", "Reyes", "Whitlock", "Haddad", "Moreau", "Kowalski",
            "Banerjee", "Fairweather", "Quinn", "Abernathy", "Sato", "Oyelaran");
    static final List<String> GENRES = List.of("soul", "country", "synth-pop", "hip-hop", "folk", "punk",
            "R&B", "disco", "indie rock", "gospel", "trip-hop", "bossa nova", "grunge", "dance-pop");
    static final List<String> THEMES = List.of("grief", "longing", "addiction", "redemption", "jealousy",
            "homesickness", "ambition", "betrayal", "first love", "divorce", "faith", "poverty", "fame", "war",
            "insomnia", "forgiveness", "nostalgia", "rebellion", "loneliness", "obsession", "migration");
    static final List<String> SENTENCES = List.of(
            "At its core, \u201C{title}\u201D is about {theme}, told through the image of a {adj} {noun}.",
            "The hook keeps circling back to the {noun}, and every return makes the {theme} feel heavier.",
            "{artist} sings the second verse from the {place}, where the narrator waits for a {noun2} that never comes.",
            "Critics read the {adj} {noun} as a stand-in for {theme}, though {artist} has never confirmed it.",
            "The production is sparse: a {adj} drum loop, a bass line, and a sample of a {noun} recorded at a {place}.",
            "It is less a love song than a confession about {theme} and {theme2}.",
            "The bridge flips the perspective, and suddenly the {noun} is the one asking to {verb} the narrator.",
            "Listeners often miss that the chorus quotes an old hymn about {theme}.",
            "In interviews, {artist} described writing it in one night after a {adj} drive past the {place}.",
            "The line about the {adj} {noun2} is the turning point: the narrator stops blaming the world for the {theme}.",
            "Some fans hear {theme} in it; others hear a plain story about a {noun} left at a {place}.",
            "The final chorus drops the drums, leaving only the voice and the {noun}, which makes the {theme} land hard.",
            "Its video, shot at a {adj} {place}, leans into the {theme2} more than the lyrics do.",
            "The song's title comes from a {noun} the songwriter kept on the studio wall.",
            "By the last verse the {noun} has become a symbol of {theme2} rather than {theme}.",
            "Many covers slow it down, but the original's tempo is what makes the {theme} feel urgent.");

    /** A template sentence with its slots filled by random words; the song and singer stay generic. */
    static String fill(String template, java.util.Random random) {
        return template.replace("{title}", "the song")
                .replace("{artist}", "the singer")
                .replace("{noun}", pick(NOUNS, random))
                .replace("{noun2}", pick(NOUNS, random))
                .replace("{adj}", pick(ADJECTIVES, random))
                .replace("{place}", pick(PLACES, random))
                .replace("{verb}", pick(VERBS, random))
                .replace("{theme}", pick(THEMES, random))
                .replace("{theme2}", pick(THEMES, random));
    }

    static <T> T pick(List<T> list, java.util.Random random) {
        return list.get(random.nextInt(list.size()));
    }
}
