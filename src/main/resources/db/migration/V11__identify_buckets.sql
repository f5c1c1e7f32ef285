-- When each IDENTIFY bucket last let a shard log in, by the database's clock (PostgreSQL only: SQLite runs one
-- process, whose gate is in memory). A session advisory lock dies with a killed process; this row does not, so
-- the next process still waits out the spacing after that process's IDENTIFY.
CREATE TABLE identify_buckets (bucket INTEGER PRIMARY KEY, identified_ms BIGINT NOT NULL);
