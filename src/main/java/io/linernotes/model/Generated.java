package io.linernotes.model;

/**
 * A written answer. {@code generatedBy} names what wrote it ("extractive", "openai:gpt-4o-mini", …);
 * {@code fallback} is true when the configured model failed and the extractive answer stands in.
 */
public record Generated(String text, String generatedBy, boolean fallback) {
}
