package io.linernotes.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes secrets out of a message before it is printed. Error messages may quote a configuration value,
 * and an operator may well have pasted an API key where the name of its environment variable belongs
 * ({@code apiKeyEnv: sk-…}), or into the wrong setting. Two nets: the values of environment variables
 * whose names say they hold a secret, and anything shaped like a provider key or a long random token.
 */
public final class Redactor {

    public static final String MASK = "[redacted]";
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL).*");
    /** Provider key prefixes (OpenAI, Anthropic, Groq, Google, Slack, GitHub) followed by a key body. */
    private static final Pattern KEY_SHAPE = Pattern.compile(
            "(?<![A-Za-z0-9_\\-])(?:sk-|gsk_|AIza|xox[abprs]-|ghp_|github_pat_)[A-Za-z0-9_\\-]{12,}");
    /** A long run of token characters mixing upper case, lower case and digits (Discord bot tokens and the like). */
    private static final Pattern TOKEN_SHAPE = Pattern.compile("[A-Za-z0-9_\\-.]{32,}");

    private final List<String> secrets;

    public Redactor(Map<String, String> environment) {
        List<String> values = new ArrayList<>();
        environment.forEach((name, value) -> {
            if (SECRET_NAME.matcher(name).matches() && value != null && value.strip().length() >= 8) {
                values.add(value.strip());
            }
        });
        // Longest first, so a secret that contains another is masked whole.
        values.sort((a, b) -> b.length() - a.length());
        this.secrets = List.copyOf(values);
    }

    private static final Redactor PROCESS = new Redactor(System.getenv());

    /** The redactor for this process's environment. */
    public static Redactor fromEnvironment() {
        return PROCESS;
    }

    /** {@code message} with every secret it contains replaced by {@link #MASK}. */
    public String redact(String message) {
        if (message == null) {
            return null;
        }
        String out = message;
        for (String secret : secrets) {
            out = out.replace(secret, MASK);
        }
        out = KEY_SHAPE.matcher(out).replaceAll(MASK);
        Matcher m = TOKEN_SHAPE.matcher(out);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(looksRandom(m.group()) ? MASK : m.group()));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static boolean looksRandom(String token) {
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        for (char c : token.toCharArray()) {
            upper |= Character.isUpperCase(c);
            lower |= Character.isLowerCase(c);
            digit |= Character.isDigit(c);
        }
        return upper && lower && digit && !token.toLowerCase(Locale.ROOT).endsWith(".yaml");
    }
}
