-- What readers said about answers, until now in a file of its own (feedback.sqlite): the answers given (so a
-- button can name one by id), votes, the messages an answer was delivered in, follow-ups, and unanswered questions.
-- Written once for SQLite and PostgreSQL; ${identity} is a growing 64-bit primary key on either.
CREATE TABLE answers (
  id ${identity}, user_id TEXT NOT NULL, scope TEXT NOT NULL, question TEXT NOT NULL, song_hint TEXT,
  song_id BIGINT, status TEXT NOT NULL, text TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE votes (
  answer_id BIGINT NOT NULL REFERENCES answers(id), user_id TEXT NOT NULL, vote INTEGER NOT NULL,
  voted_at TEXT NOT NULL, PRIMARY KEY (answer_id, user_id));
CREATE TABLE answer_messages (
  message_id TEXT PRIMARY KEY, answer_id BIGINT NOT NULL REFERENCES answers(id));
CREATE TABLE answer_follows (
  answer_id BIGINT PRIMARY KEY REFERENCES answers(id), follows BIGINT NOT NULL REFERENCES answers(id));
CREATE TABLE gaps (
  id ${identity}, scope TEXT NOT NULL, question TEXT NOT NULL, song_hint TEXT, created_at TEXT NOT NULL);
CREATE INDEX gaps_by_scope ON gaps (scope);
CREATE INDEX answers_by_scope ON answers (scope);
