package io.linernotes.discord;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/** Every feature of the bot by name, checked at start-up for duplicate names (which Discord would reject late). */
public final class Features {
    private final Map<String, Feature> byName;

    public Features(List<Feature> features) {
        Map<String, Feature> map = new LinkedHashMap<>();
        for (Feature f : features) {
            if (map.putIfAbsent(f.name(), f) != null) {
                throw new IllegalArgumentException("two features are named '" + f.name() + "'");
            }
            f.command().ifPresent(c -> {
                if (!c.getName().equals(f.name())) {
                    throw new IllegalArgumentException("feature '" + f.name() + "' registers command '" + c.getName() + "'");
                }
            });
        }
        byName = Collections.unmodifiableMap(map);
    }

    public Optional<Feature> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The features that answer messages, in the order they were listed. */
    public List<Feature> messageReaders() {
        return byName.values().stream().filter(Feature::readsMessages).toList();
    }

    public List<SlashCommandData> commands() {
        List<SlashCommandData> out = new ArrayList<>();
        for (Feature f : byName.values()) {
            f.command().ifPresent(out::add);
        }
        return out;
    }
}
