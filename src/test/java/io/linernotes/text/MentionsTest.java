package io.linernotes.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Mentions: the one defuser of Discord pings")
class MentionsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "@everyone look        | @\u200Beveryone look",
            "hi @here              | hi @\u200Bhere",
            "Hi @Everyone          | Hi @\u200BEveryone",
            "<@123> and <@!456>    | <@\u200B123> and <@\u200B!456>",
            "role <@&789>          | role <@\u200B&789>",
            "channel <#42>         | channel <#\u200B42>",
            "mail me@example.com   | mail me@example.com"})
    @DisplayName("every kind of mention gets one zero-width space after its @ or <@ / <#; other @ signs stay")
    void defusesEveryKind(String text, String expected) {
        assertEquals(expected, Mentions.defuse(text));
    }

    @Test
    @DisplayName("defusing twice (the model layer, then the Discord layer) gives exactly what defusing once gives")
    void secondPassAddsNothing() {
        String text = "@everyone <@123> <@!456> <@&789> <#42> @here";
        String once = Mentions.defuse(text);
        assertEquals(once, Mentions.defuse(once));
        assertEquals(6, once.chars().filter(c -> c == '\u200B').count(), "one space per mention: " + once);
    }

    @Test
    @DisplayName("null and empty text come back empty")
    void nullIsEmpty() {
        assertEquals("", Mentions.defuse(null));
        assertEquals("", Mentions.defuse(""));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "'@\u200Beveryone'           | '@\u200Beveryone'",
            "'<@\u200B123>'              | '<@\u200B123>'",
            "'@@everyone'                | '@@\u200Beveryone'",
            "'<<@123>>'                  | '<<@\u200B123>>'",
            "'@everyone@here'            | '@\u200Beveryone@\u200Bhere'",
            "'@EVERYONE @HeRe'           | '@\u200BEVERYONE @\u200BHeRe'",
            "'`@everyone` in code'       | '`@\u200Beveryone` in code'",
            "'[x](<@123>) <#1>'          | '[x](<@\u200B123>) <#\u200B1>'"})
    @DisplayName("hostile forms (already defused, doubled signs, run together, any case, in code or links): one space each, never two")
    void hostileForms(String text, String expected) {
        assertEquals(expected, Mentions.defuse(text));
        assertEquals(expected, Mentions.defuse(Mentions.defuse(text)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "'@everyone hi <@123>'         | '  hi  '",
            "'<@!1><@&2><#3>'              | '   '",
            "'@here, listen'               | ' , listen'",
            "'@Here Comes the Sun'         | '@Here Comes the Sun'",
            "'@hereafter'                  | '@hereafter'",
            "'me@example.com <@abc>'       | 'me@example.com <@abc>'"})
    @DisplayName("removal takes exactly what Discord pings (lower-case @everyone/@here as words, numeric tags), nothing else")
    void removesWhatPings(String text, String expected) {
        assertEquals(expected, Mentions.remove(text));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "'<@42> what is runaway about'         | '  what is runaway about'",
            "'<@!42>what is it'                    | ' what is it'",
            "'ask <@42> and <@!42> twice'          | 'ask   and   twice'",
            "'<@42> <@43> @everyone <@&42> <#42>'  | '  <@43> @everyone <@&42> <#42>'",
            "'<@420> <@4> <@42'                    | '<@420> <@4> <@42'",
            "''                                    | ''"})
    @DisplayName("removing one user's mentions takes <@id> and <@!id> of that id only; other mentions stay for the cleaner")
    void removesOneUser(String text, String expected) {
        assertEquals(expected, Mentions.removeOf(text, "42"));
    }

    @Test
    @DisplayName("a user id is matched as written, never as a pattern")
    void userIdIsLiteral() {
        assertEquals("<@123>", Mentions.removeOf("<@123>", "\\d+"));
        assertEquals("", Mentions.removeOf(null, "42"));
    }

    @Test
    @DisplayName("nothing removed is left pingable, and nothing defused pings")
    void removedAndDefusedAgree() {
        String hostile = "@everyone <@123> <@!4> <@&5> <#6> @here";
        assertEquals("", Mentions.remove(hostile).strip());
        String defused = Mentions.defuse(hostile);
        assertEquals(defused, Mentions.remove(defused), "a defused mention is no longer a ping to remove");
    }
}
