package io.linernotes.model;

import io.linernotes.essay.Essay;
import io.linernotes.retrieval.RetrievedPassage;
import io.linernotes.text.Folding;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a model's text must satisfy before anyone sees it, partial or whole; a model may obey a poisoned
 * essay, so none of this trusts the model. In order: invisible characters (zero-width, bidi controls, soft
 * hyphens, fillers; {@link Folding#withoutInvisible}, as for what users type) are removed, so that {@code @\u200Beveryone} or {@code ht\u200Btps://} cannot hide from the
 * next steps; markdown images and links, and bare addresses (also defanged {@code hxxp://}, {@code www.},
 * invites), are kept only when they are exactly one of the answer's sources' own URLs, otherwise reduced to
 * their text or to {@code [link removed]}; pings are defused ({@link io.linernotes.text.Mentions}); the text is cut to the
 * length limit at a sentence boundary, with an ellipsis. Encoded text (base64 and the like) is left alone:
 * it cannot ping or link because only literal mentions and addresses do.
 */
public final class OutputPolicy {

    static final String LINK_REMOVED = "[link removed]";

    /** {@code ![alt](target)} or {@code [text](target)}, the target possibly in angle brackets, maybe titled. */
    private static final Pattern MARKDOWN_LINK = Pattern.compile(
            "(!?)\\[([^\\]\\n]{0,500})\\]\\(\\s*<?([^)\\s>]*)>?(?:\\s+(?:\"[^\"]*\"|'[^']*'))?\\s*\\)");
    /** Any {@code scheme://address} (http, defanged hxxp, ftp, steam…), {@code www.} names and invites. */
    private static final Pattern BARE_LINK = Pattern.compile(
            "(?i)(?:\\b[a-z][a-z0-9+.\\-]{1,15}://|\\bwww\\.|\\bdiscord(?:app)?\\.(?:gg|com/invite)/)"
                    + "[^\\s<>()\\[\\]\"'`]+");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…](?=[\\s\"')\\]]|$)|\\n");

    private final int maxChars;

    /** @param maxChars the longest answer shown, ellipsis included */
    public OutputPolicy(int maxChars) {
        if (maxChars < 20) {
            throw new IllegalArgumentException("maxChars must be at least 20");
        }
        this.maxChars = maxChars;
    }

    public int maxChars() {
        return maxChars;
    }

    /** The URLs the answer may link to: the {@code source} of each passage's essay, when it is a web address. */
    public static Set<String> allowedUrls(List<RetrievedPassage> passages) {
        Set<String> allowed = new LinkedHashSet<>();
        for (RetrievedPassage p : passages) {
            Essay essay = p.essay();
            String source = essay == null ? null : essay.source();
            if (source != null && source.strip().matches("(?i)https?://\\S+")) {
                String normal = normalise(source.strip());
                if (normal != null) {
                    allowed.add(normal);
                }
            }
        }
        return Set.copyOf(allowed);
    }

    /** The text as it may be shown: see the class comment. */
    public String apply(String text, Set<String> allowedUrls) {
        if (text == null) {
            return null;
        }
        String out = Folding.withoutInvisible(text);
        out = markdownLinks(out, allowedUrls);
        out = bareLinks(out, allowedUrls);
        out = io.linernotes.text.Mentions.defuse(out);
        return trim(out);
    }

    private static String markdownLinks(String text, Set<String> allowed) {
        Matcher m = MARKDOWN_LINK.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String replacement;
            if (isAllowed(m.group(3), allowed)) {
                replacement = m.group();
            } else {
                // Keep what the reader was meant to read; any address inside it meets the bare-link pass next.
                String words = m.group(2).strip();
                replacement = words.isEmpty() ? (m.group(1).isEmpty() ? LINK_REMOVED : "") : words;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String bareLinks(String text, Set<String> allowed) {
        Matcher m = BARE_LINK.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String link = m.group();
            // Sentence punctuation after an address belongs to the sentence, not the address.
            int end = link.length();
            while (end > 0 && ".,;:!?*_~".indexOf(link.charAt(end - 1)) >= 0) {
                end--;
            }
            String address = link.substring(0, end);
            String replacement = isAllowed(address, allowed) ? address : LINK_REMOVED;
            m.appendReplacement(out, Matcher.quoteReplacement(replacement + link.substring(end)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static boolean isAllowed(String address, Set<String> allowed) {
        String normal = normalise(address);
        return normal != null && allowed.contains(normal);
    }

    /**
     * Scheme and host lower-cased, a trailing slash dropped; null for anything that is not a plain http(s)
     * address with a host (so user-info tricks such as {@code https://trusted@evil/} never match).
     */
    static String normalise(String address) {
        try {
            URI uri = new URI(address);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null || uri.getRawUserInfo() != null) {
                return null;
            }
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            if (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            int port = uri.getPort();
            return scheme.toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                    + (port < 0 ? "" : ":" + port) + path + query;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    /** Cuts to the limit at the last sentence end in the second half, else the last space, then adds " …". */
    String trim(String text) {
        if (text.length() <= maxChars) {
            return text;
        }
        int limit = maxChars - 2;
        if (Character.isHighSurrogate(text.charAt(limit - 1))) {
            limit--;
        }
        String head = text.substring(0, limit);
        int cut = -1;
        Matcher m = SENTENCE_END.matcher(head);
        while (m.find()) {
            cut = m.end();
        }
        if (cut < limit / 2) {
            int space = head.lastIndexOf(' ');
            cut = space >= limit / 2 ? space : limit;
        }
        return head.substring(0, cut).stripTrailing() + " …";
    }
}
