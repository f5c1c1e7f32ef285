-- When the last holder of each IDENTIFY bucket finished its IDENTIFY, by the database's clock. The record of V11 is
-- written before the IDENTIFY is sent, and the frame leaves some time later (after the WebSocket handshake); the
-- spacing is counted from this end. NULL: the holder let go (was killed) before it finished, so its frame may have
-- left at any moment until then.
ALTER TABLE identify_buckets ADD COLUMN sent_ms BIGINT;
