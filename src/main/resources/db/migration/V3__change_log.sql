-- The change log: one row per committed essay change (add, edit, remove, restore, import), written in the
-- transaction of the change. Its ids grow in commit order (writers of essays queue on the change counter's row
-- before they take an id), so a follower that has applied change N needs exactly the rows after N.
CREATE TABLE essay_changes (
  id ${identity}, essay_id BIGINT NOT NULL, action TEXT NOT NULL, scope TEXT NOT NULL, changed_at BIGINT NOT NULL);
