package io.linernotes.answer;

import io.linernotes.config.RetrievalConfig;
import io.linernotes.core.Scope;
import io.linernotes.core.Song;
import io.linernotes.model.AnswerModel;
import io.linernotes.model.Generated;
import io.linernotes.model.GenerationRequest;
import io.linernotes.model.LeadSentence;
import io.linernotes.prompt.ChatPrompt;
import io.linernotes.prompt.PromptBuilder;
import io.linernotes.prompt.PromptTemplates;
import io.linernotes.retrieval.Chunker;
import io.linernotes.retrieval.RetrievedPassage;
import io.linernotes.retrieval.Retriever;
import io.linernotes.song.SongResolution;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a question about a song: finds the song, retrieves the passages that answer the question, and has
 * the model write an answer citing them. No Discord and no SQL here: transports hand in an
 * {@link AnswerRequest} and render the {@link Answer}.
 */
public final class AnswerService {

    private static final Logger log = LoggerFactory.getLogger(AnswerService.class);
    /** Longest piece of the user's own text repeated back in a reply. */
    static final int ECHO_CHARS = 120;
    /** Stored songs of the artist a refusal names at most. */
    static final int SUGGESTIONS = 3;

    private final SongLookup songs;
    private final Retriever retriever;
    private final SongInference inference;
    private final PromptBuilder prompts;
    private final PromptTemplates templates;
    private final AnswerModel model;
    private final RetrievalConfig settings;
    /** Cuts essays as the index does, to find the section a cited passage is in. */
    private final Chunker chunker;

    public AnswerService(SongLookup songs, Retriever retriever, PromptBuilder prompts, PromptTemplates templates,
            AnswerModel model, RetrievalConfig settings) {
        this.songs = songs;
        this.retriever = retriever;
        this.inference = new SongInference(songs, retriever, settings.inference());
        this.prompts = prompts;
        this.templates = templates;
        this.model = model;
        this.settings = settings;
        this.chunker = Chunker.of(settings);
    }

    public Answer answer(AnswerRequest request) {
        return answer(request, text -> { });
    }

    /**
     * Answers {@code request}. {@code partial} receives the answer text so far while a model streams it;
     * the returned answer is complete. Never calls a model when no essay covers the song.
     */
    public Answer answer(AnswerRequest request, Consumer<String> partial) {
        String question = Questions.clean(request.question());
        String hint = request.songHint() == null ? "" : Questions.clean(request.songHint());
        Scope scope = request.scope();
        // A picked id is believed only where its song is visible: a crafted menu value must not reach another server's.
        Song picked = request.songId() == null ? null : songs.byId(request.songId(), scope).orElse(null);
        if (picked != null) {
            return answerAbout(picked, orMeaningOf(question, picked), songNames(picked), List.of(), request, partial);
        }
        if (question.isEmpty() && hint.isEmpty()) {
            return new Answer(Answer.Status.NO_COMMENTARY, templates.render(PromptTemplates.EMPTY_QUESTION, Map.of()),
                    List.of(), List.of(), null, List.of(), "none");
        }
        SongResolution resolution = inference.resolve(question, hint, request.history(), scope);
        if (resolution instanceof SongResolution.Ambiguous ambiguous) {
            return ambiguous(ambiguous);
        }
        if (resolution instanceof SongResolution.Found found) {
            List<String> notes = new ArrayList<>();
            List<String> names = songNames(found.song());
            if (found.misattribution() != null) {
                notes.add(correction(found.song(), found.misattribution()));
                // The artist the asker credited names the song too; it says nothing about which passage answers.
                names.add(found.misattribution().claimedArtist());
            }
            return answerAbout(found.song(), orMeaningOf(question, found.song()), names, notes, request, partial);
        }
        return refusal((SongResolution.NotFound) resolution, scope);
    }

    /**
     * "No commentary on “Glass Harbour” by Orrin yet": the song as it was understood, never the whole question;
     * when the artist has stored songs, a note names up to {@value #SUGGESTIONS} of them.
     */
    private Answer refusal(SongResolution.NotFound notFound, Scope scope) {
        if (notFound.title() == null) {
            return noCommentary("the song you describe", null, List.of());
        }
        String subject = "“" + abbreviate(notFound.title()) + "”"
                + (notFound.artist() == null ? "" : " by " + abbreviate(notFound.artist()));
        List<String> notes = new ArrayList<>();
        if (notFound.artist() != null) {
            List<Song> theirs = songs.songsBy(notFound.artist(), scope, SUGGESTIONS);
            if (!theirs.isEmpty()) {
                StringBuilder note = new StringBuilder("Songs by ").append(theirs.get(0).artist())
                        .append(" with commentary here: ");
                for (int i = 0; i < theirs.size(); i++) {
                    note.append(i > 0 ? ", " : "").append('“').append(theirs.get(i).title()).append('”');
                }
                notes.add(note.append('.').toString());
            }
        }
        log.debug("no song found for {}", subject);
        return noCommentary(subject, null, notes);
    }

    private static String orMeaningOf(String question, Song song) {
        return question.isEmpty() ? "What does \"" + song.title() + "\" mean?" : question;
    }

    /** The names a question uses for {@code song}: its title, its artist and its featured artists. */
    private static List<String> songNames(Song song) {
        List<String> names = new ArrayList<>();
        names.add(song.title());
        names.add(song.artist());
        names.addAll(song.featured());
        return names;
    }

    /** Autocomplete for the song option: no model, no retrieval, only the catalogue. */
    public List<Song> suggestSongs(String typed, Scope reader, int limit) {
        return songs.suggest(Questions.clean(typed), reader == null ? Scope.GLOBAL : reader, limit);
    }

    private Answer answerAbout(Song song, String question, List<String> names, List<String> notes,
            AnswerRequest request, Consumer<String> partial) {
        // A question that only names the song ("X by Y meaning") asks what it means: whatever words are left once
        // the names are out (another spelling of the title, a wrongly credited artist) must not steer the ranking.
        // A quoted line is what is asked, even when the rest of the question only names the song.
        boolean bare = Questions.onlyNamesASong(question) && Questions.quotedLines(question).isEmpty();
        String asked = bare ? "" : question;
        List<RetrievedPassage> passages = retriever.rankSong(asked, song.id(), names, request.scope(),
                settings.passages());
        if (passages.isEmpty()) {
            return noCommentary("“" + song.title() + "” by " + song.artist(), song, List.of());
        }
        List<String> history = request.history().stream().map(AnswerRequest.Turn::question).toList();
        ChatPrompt prompt = prompts.build(question, song, notes, passages, history);
        Generated generated = model.generate(new GenerationRequest(prompt, question, song, passages), partial);
        List<Source> given = new ArrayList<>();
        for (int i = 0; i < passages.size(); i++) {
            RetrievedPassage p = passages.get(i);
            String section = Passages.section(chunker, p.essay().body(), p.passage().position());
            given.add(new Source(i + 1, p.essay().id(), p.essay().song().label(), p.essay().credit(),
                    p.essay().source(), p.essay().scope(), p.passage().text(), essayTitle(p.essay().song()), section,
                    null, p.score()));
        }
        String text = generated.text();
        if (!LeadSentence.firstSentenceNames(text, song)) {
            // A model may start straight in on the meaning; the reader still learns first which song it is.
            text = LeadSentence.of(song, question) + " " + text.strip();
        }
        Citations.Numbered numbered = Citations.renumber(text, given);
        List<String> allNotes = new ArrayList<>(notes);
        if (generated.fallback()) {
            allNotes.add("The language model could not be reached, so this answer quotes the essays directly.");
        }
        return new Answer(Answer.Status.ANSWERED, numbered.text(), allNotes, numbered.sources(), song, List.of(),
                generated.generatedBy(), given);
    }

    /** An essay is named after its song: "Runaway (Kanye West)". */
    static String essayTitle(Song song) {
        return song.title() + " (" + song.artist() + ")";
    }

    private Answer ambiguous(SongResolution.Ambiguous ambiguous) {
        List<Song> candidates = ambiguous.candidates().stream().map(SongResolution.Candidate::song).limit(25).toList();
        StringBuilder text = new StringBuilder("Several songs match; which one do you mean?");
        for (int i = 0; i < Math.min(candidates.size(), 10); i++) {
            text.append("\n").append(i + 1).append(". ").append(candidates.get(i).label());
        }
        return new Answer(Answer.Status.AMBIGUOUS, text.toString(), List.of(), List.of(), null, candidates, "none");
    }

    private Answer noCommentary(String subject, Song song, List<String> notes) {
        String text = templates.render(PromptTemplates.NO_COMMENTARY, Map.of("subject", subject));
        return new Answer(Answer.Status.NO_COMMENTARY, text, notes, List.of(), song, List.of(), "none");
    }

    private static String quoted(String name) {
        return "\u201C" + abbreviate(name) + "\u201D";
    }

    /** What the user typed, short enough to repeat back (a 6,000-character question is not echoed whole). */
    static String abbreviate(String text) {
        return text.length() <= ECHO_CHARS ? text : text.substring(0, ECHO_CHARS).strip() + "…";
    }

    /** The correction an expert would open with: whose song it is, and who only features on it. */
    static String correction(Song song, SongResolution.Misattribution wrong) {
        String title = "\"" + song.title() + "\"";
        wrong = new SongResolution.Misattribution(abbreviate(wrong.claimedArtist()), wrong.featured());
        if (wrong.featured()) {
            return title + " is " + song.artist() + "'s song, not " + wrong.claimedArtist() + "'s: "
                    + wrong.claimedArtist() + " is featured on it.";
        }
        StringBuilder sb = new StringBuilder(title).append(" is by ").append(song.artist());
        if (!song.featured().isEmpty()) {
            sb.append(" (featuring ").append(String.join(", ", song.featured())).append(')');
        }
        return sb.append(", not ").append(wrong.claimedArtist()).append('.').toString();
    }

    static Set<Long> only(Song song) {
        return Set.of(song.id());
    }
}
