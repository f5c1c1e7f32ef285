package io.linernotes.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("discord.shards: the shard count and the shards this process runs")
class ShardsConfigTest {

    @Test
    @DisplayName("by default the count is Discord's recommendation and the process runs every shard")
    void defaultsAreAutoAndAll() {
        ShardsConfig shards = DiscordConfig.defaults().shards();
        assertTrue(shards.autoTotal());
        assertEquals(List.of(0, 1, 2), shards.idsWithin(3));
    }

    @ParameterizedTest(name = "ids ''{0}'' of {1}")
    @CsvSource(delimiter = '|', value = {
            "0-3|8|0,1,2,3",
            "5|8|5",
            "0-1, 4|8|0,1,4",
            "all|2|0,1",
            "' 2 - 3 '|4|2,3"})
    @DisplayName("ids are single shards and ranges, in order")
    void idsAreParsed(String ids, int total, String expected) {
        List<Integer> want = java.util.Arrays.stream(expected.split(",")).map(Integer::valueOf).toList();
        assertEquals(want, new ShardsConfig(Integer.toString(total), ids).idsWithin(total));
        assertEquals(want, new ShardsConfig("auto", ids).idsWithin(total));
    }

    @ParameterizedTest(name = "total ''{0}'', ids ''{1}''")
    @CsvSource(delimiter = '|', value = {
            "4|4|shard 4 does not exist when there are 4 shards",
            "2|0-3|shard 3 does not exist when there are 2 shards",
            "lots|all|'lots' is not understood",
            "0|all|between 1 and",
            "4|3-1|runs backwards",
            "4|0-1,1|shard 1 is named twice",
            "4|-1|'-1': shard ids start at 0",
            "4|one|'one' is not understood",
            "4|0,,1|'' is not understood"})
    @DisplayName("a count or an id that cannot work is refused with a message naming the key and the fix")
    void badSettingsAreRefused(String total, String ids, String message) {
        ConfigException e = assertThrows(ConfigException.class, () -> new ShardsConfig(total, ids));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertTrue(e.getMessage().startsWith("discord.shards."), e.getMessage());
    }

    @Test
    @DisplayName("with auto, an id past Discord's recommendation is refused when the count is known")
    void autoIdsAreCheckedAgainstTheRecommendation() {
        ShardsConfig shards = new ShardsConfig("auto", "2-3");
        assertFalse(shards.idsWithin(4).isEmpty());
        ConfigException e = assertThrows(ConfigException.class, () -> shards.idsWithin(3));
        assertTrue(e.getMessage().contains("shard 3 does not exist when there are 3 shards"), e.getMessage());
    }

    @Test
    @DisplayName("the YAML file takes a number or auto, and ids as text")
    void readFromYaml(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("linernotes.yaml");
        Files.writeString(file, "discord:\n  shards:\n    total: 4\n    ids: 2-3\n");
        ShardsConfig shards = AppConfig.load(file).discord().shards();
        assertEquals(4, shards.fixedTotal());
        assertEquals(List.of(2, 3), shards.idsWithin(4));
        Files.writeString(file, "discord:\n  shards:\n    total: 2\n    ids: 2\n");
        ConfigException e = assertThrows(ConfigException.class, () -> AppConfig.load(file));
        assertTrue(e.getMessage().contains("shard 2 does not exist"), e.getMessage());
    }
}
