-- What the bot must remember whichever process it runs in, and after a restart. Written once for SQLite and
-- PostgreSQL; ${identity} is a growing 64-bit primary key on either.
-- An answer's request and whole answer (sources, candidate songs) as JSON, for its buttons; rows written before
-- this version have none, and their buttons say to ask again.
ALTER TABLE answers ADD COLUMN detail TEXT;
-- The last turns of each user's direct-message conversation (older ones are deleted as new ones come).
CREATE TABLE dm_turns (
  id ${identity}, user_id TEXT NOT NULL, question TEXT NOT NULL, song_id BIGINT, created_at TEXT NOT NULL);
CREATE INDEX dm_turns_by_user ON dm_turns (user_id, id);
-- Rate-limit buckets that are not full (a missing row is a full bucket), taken by compare-and-set on version.
CREATE TABLE rate_buckets (
  bucket TEXT PRIMARY KEY, tokens DOUBLE PRECISION NOT NULL, updated_ms BIGINT NOT NULL, version BIGINT NOT NULL);
-- Model tokens each user's answers used per UTC day.
CREATE TABLE token_budgets (
  user_id TEXT NOT NULL, day TEXT NOT NULL, used BIGINT NOT NULL, PRIMARY KEY (user_id, day));
