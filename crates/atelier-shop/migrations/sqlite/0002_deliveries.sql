-- The order spec (the canonical bytes signed for the retailer) and the retailer webhook's outbox.

-- NULL for orders stored before specs existed; they have no delivery either.
ALTER TABLE orders ADD COLUMN spec TEXT;

-- One row per accepted order, written in the order's transaction; the primary key makes a second delivery of
-- the same order impossible. Times are unix milliseconds.
CREATE TABLE deliveries (
    order_id        TEXT PRIMARY KEY NOT NULL REFERENCES orders (id),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL DEFAULT 0,     -- due time (0 = at once); a lease end while an attempt runs
    last_attempt_at INTEGER,
    last_status     INTEGER,                        -- HTTP status of the last attempt, NULL without an answer
    last_error      TEXT,
    delivered_at    INTEGER                         -- the 2xx; NULL while pending
);

CREATE INDEX deliveries_pending ON deliveries (next_attempt_at) WHERE delivered_at IS NULL;
