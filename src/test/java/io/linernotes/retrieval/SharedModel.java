package io.linernotes.retrieval;

/**
 * One loaded all-MiniLM-L6-v2 for all tests in the JVM: loading costs ~2 s and ~300 MB of heap, and the
 * model has no state that one test could leave behind for another.
 */
final class SharedModel {

    private static final MiniLmEmbedder MODEL = new MiniLmEmbedder(2);

    private SharedModel() {
    }

    static MiniLmEmbedder get() {
        return MODEL;
    }
}
