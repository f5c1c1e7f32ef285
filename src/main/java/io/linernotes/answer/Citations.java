package io.linernotes.answer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers an answer's citations in the order a reader meets them: the first passage cited becomes [1], the
 * next new one [2], and so on. Passages whose source entries are identical (the same place of the same essay)
 * become one source with one number. Only cited passages are sources; citations of numbers the answer was
 * not given are dropped.
 */
final class Citations {

    /** [3] or [1, 3]: the forms the extractive answerer and the prompt produce. */
    private static final Pattern MARKER = Pattern.compile("\\s?\\[(\\d{1,3}(?:\\s*,\\s*\\d{1,3})*)]");

    record Numbered(String text, List<Source> sources) {
    }

    private Citations() {
    }

    /** {@code given.get(i)} is the source the answer text calls [i + 1]. */
    static Numbered renumber(String text, List<Source> given) {
        Map<String, Integer> numberByEntry = new LinkedHashMap<>();
        List<Source> sources = new ArrayList<>();
        Matcher m = MARKER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Set<Integer> numbers = new LinkedHashSet<>();
            for (String part : m.group(1).split(",")) {
                int old = Integer.parseInt(part.strip());
                if (old < 1 || old > given.size()) {
                    continue;
                }
                Source source = given.get(old - 1);
                Integer number = numberByEntry.get(source.entry());
                if (number == null) {
                    number = sources.size() + 1;
                    numberByEntry.put(source.entry(), number);
                    sources.add(source.renumbered(number));
                }
                numbers.add(number);
            }
            String replacement = numbers.isEmpty() ? ""
                    : (m.group().startsWith("[") ? "" : m.group().substring(0, 1)) + "["
                            + String.join(", ", numbers.stream().map(String::valueOf).toList()) + "]";
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return new Numbered(out.toString(), sources);
    }
}
