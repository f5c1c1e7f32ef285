-- What the song catalogue derives from essay openings, kept beside the essays so a start reads it instead of
-- folding every opening (written in each essay write's own transaction; see OpeningRows). Empty after this
-- migration: the first start of the release derives every live essay's row once, then records the derivation
-- version in meta ('opening_facts_version'), and derives again only when that version changes.
-- One row per live essay: its opening's folded words, the words it writes with a capital, the other titles it
-- gives (folded, one a line), with the essay's song and scope, the body hash and the version that derived them.
CREATE TABLE essay_openings (
  essay_id BIGINT PRIMARY KEY, song_id BIGINT NOT NULL, scope TEXT NOT NULL, version INTEGER NOT NULL,
  content_hash TEXT NOT NULL, blank INTEGER NOT NULL, words TEXT NOT NULL, capitalised TEXT NOT NULL,
  aliases TEXT NOT NULL);
CREATE INDEX essay_openings_by_song ON essay_openings (song_id, essay_id);
-- Per song, the distinct words of the openings the catalogue reads for it (one per scope).
CREATE TABLE song_opening_words (song_id BIGINT PRIMARY KEY, words TEXT NOT NULL);
-- In how many songs' openings each word occurs: how rare a word is among openings.
CREATE TABLE opening_word_counts (word TEXT PRIMARY KEY, songs INTEGER NOT NULL);
-- Songs by owner: a shared import looks for servers' own rows of each new song among the server-owned songs only
-- (a range either side of 'global'), instead of reading every song per new song.
CREATE INDEX songs_by_owner ON songs (owner);
