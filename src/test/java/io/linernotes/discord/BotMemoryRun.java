package io.linernotes.discord;

import static io.linernotes.discord.emulation.DiscordEmulator.focused;
import static io.linernotes.discord.emulation.DiscordEmulator.option;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linernotes.discord.emulation.Actor;
import io.linernotes.discord.emulation.DiscordEmulator;
import io.linernotes.discord.emulation.EmulatedGuild;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Not a test: the resident memory of a real {@code linernotes bot} over a large data directory, answering through
 * the Discord emulation on loopback. It starts the bot in a JVM of its own, times its start (JVM start to
 * "running"), asks it questions as a member of one server would (the meaning command, questions naming a song,
 * questions quoting a few words of an essay, song-name autocomplete), waits for each reply, and prints the
 * process's resident memory ({@code VmRSS}, split into its own and mapped files', and the peak {@code VmHWM})
 * every 50 questions and at the end. Arguments: the data directory (a bench run's {@code size-N/data}; the bot
 * writes its own state into it), the JSON Lines corpus the questions are drawn from, how many questions (default
 * 200), and the child's JVM options (default {@code -Xmx512m}, as in the Docker image).
 */
final class BotMemoryRun {

    private static final String GUILD = "810000000000000001";
    private static final String CHANNEL = "810000000000000002";
    private static final int REPLY_TRIES = 12; // of DiscordEmulator.WAIT_MILLIS each

    private BotMemoryRun() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        Path corpus = Path.of(args[1]);
        int questions = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        List<String> jvm = args.length > 3 ? Arrays.asList(args[3].split(" ")) : List.of("-Xmx512m");
        List<JsonNode> songs = sample(corpus, questions, new Random(7));
        Path work = Files.createTempDirectory("bot-memory");
        Path config = Files.writeString(work.resolve("linernotes.yaml"), "model:\n  provider: extractive\n"
                + "discord:\n  userPerMinute: 10000\n  guildPerMinute: 10000\n");
        try (DiscordEmulator discord = DiscordEmulator.start(new EmulatedGuild(GUILD, CHANNEL, Map.of()))) {
            Map<String, String> env = Map.of(DiscordEndpoints.API_URL_ENV, discord.apiUrl(),
                    DiscordEndpoints.GATEWAY_URL_ENV, discord.gatewayUrl(), "DISCORD_TOKEN", "bot-memory-run-token");
            try (BotProcess bot = new BotProcess("bot", config, dataDir, env, work, jvm)) {
                long started = System.nanoTime();
                bot.start();
                bot.awaitRunning(15 * 60_000);
                System.out.printf(Locale.ROOT, "bot running %d ms after its JVM was started (load %s)%n",
                        (System.nanoTime() - started) / 1_000_000, load());
                memory(bot, 0);
                long[] nanos = new long[questions];
                for (int i = 0; i < questions; i++) {
                    JsonNode song = songs.get(i % songs.size());
                    Actor member = Actor.member(GUILD, CHANNEL, String.valueOf(820000000000000000L + i), Actor.MEMBER);
                    long t = System.nanoTime();
                    DiscordEmulator.Interaction asked = switch (i % 4) {
                        case 0 -> discord.slash(member, "meaning", option("song", song.path("title").asText()));
                        case 1 -> discord.slash(member, "ask", option("question", String.format(Locale.ROOT,
                                "What is %s by %s about?", song.path("title").asText(), song.path("artist").asText())));
                        case 2 -> discord.slash(member, "ask", option("question", "Which song says " + words(song) + "?"));
                        default -> discord.autocomplete(member, "meaning", focused("song", prefix(song)));
                    };
                    if (i % 4 == 3) {
                        discord.awaitCallback(asked);
                    } else {
                        String reply = awaitReply(discord, asked);
                        if (i < 3) { // what the replies are, so that a run of errors is not taken for a run of answers
                            System.out.println("reply " + (i + 1) + ": "
                                    + reply.substring(0, Math.min(160, reply.length())).replace('\n', ' '));
                        }
                    }
                    nanos[i] = System.nanoTime() - t;
                    if ((i + 1) % 50 == 0) {
                        memory(bot, i + 1);
                    }
                }
                long[] sorted = nanos.clone();
                Arrays.sort(sorted);
                System.out.printf(Locale.ROOT, "reply through the emulation: p50 %.1f ms, p99 %.1f ms, max %.1f ms "
                        + "(n = %d, load %s)%n", sorted[sorted.length / 2] / 1e6,
                        sorted[Math.max(0, (int) Math.ceil(sorted.length * 0.99) - 1)] / 1e6,
                        sorted[sorted.length - 1] / 1e6, sorted.length, load());
                memory(bot, questions);
            }
        }
    }

    /** A reply can wait for the model's first load; the emulation's own wait is shorter than that. */
    private static String awaitReply(DiscordEmulator discord, DiscordEmulator.Interaction asked) {
        for (int attempt = 1; ; attempt++) {
            try {
                return discord.awaitWebhook(asked, 1).visibleText();
            } catch (AssertionError e) {
                if (attempt == REPLY_TRIES) {
                    throw e;
                }
            }
        }
    }

    /**
     * Resident memory, and how much of it is the process's own ({@code RssAnon}: heap, native allocations, the
     * model) and how much pages of files it maps ({@code RssFile}: the Lucene index, read through the page cache,
     * which the kernel can drop and other processes share).
     */
    private static void memory(BotProcess bot, int asked) throws IOException {
        Map<String, Long> kb = new java.util.HashMap<>();
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(bot.pid()), "status"))) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.endsWith("kB")) {
                kb.put(line.substring(0, colon), kb(line));
            }
        }
        System.out.printf(Locale.ROOT, "after %d questions: resident %d MB (own %d MB, mapped files %d MB), peak %d MB%n",
                asked, kb.getOrDefault("VmRSS", -1024L) / 1024, kb.getOrDefault("RssAnon", -1024L) / 1024,
                kb.getOrDefault("RssFile", -1024L) / 1024, kb.getOrDefault("VmHWM", -1024L) / 1024);
    }

    private static long kb(String line) {
        return Long.parseLong(line.substring(line.indexOf(':') + 1).replace("kB", "").strip());
    }

    /** {@code count} records drawn at random from the whole corpus, in its order (only the drawn ones are parsed). */
    private static List<JsonNode> sample(Path corpus, int count, Random random) throws IOException {
        int lines;
        try (var all = Files.lines(corpus)) {
            lines = (int) all.count();
        }
        java.util.TreeSet<Integer> drawn = new java.util.TreeSet<>();
        while (drawn.size() < Math.min(count, lines)) {
            drawn.add(random.nextInt(lines));
        }
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> out = new ArrayList<>(count);
        try (BufferedReader in = Files.newBufferedReader(corpus)) {
            String line;
            for (int n = 0; (line = in.readLine()) != null; n++) {
                if (drawn.contains(n)) {
                    out.add(json.readTree(line));
                }
            }
        }
        java.util.Collections.shuffle(out, random);
        return out;
    }

    /** Eight words from the middle of the essay: what a reader quotes when they remember a passage, not the name. */
    private static String words(JsonNode song) {
        String[] w = song.path("text").asText().split("\\s+");
        int from = Math.max(0, w.length / 2 - 4);
        return "\"" + String.join(" ", Arrays.copyOfRange(w, from, Math.min(w.length, from + 8))) + "\"";
    }

    private static String prefix(JsonNode song) {
        String title = song.path("title").asText().toLowerCase(Locale.ROOT);
        return title.substring(0, Math.min(title.length(), 3));
    }

    private static String load() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }
}
