-- The order desk: staff accounts, their sessions, and each order's status with its history. The PostgreSQL
-- twin of migrations/sqlite/0006_desk.sql (times as unix milliseconds in BIGINT).

-- Staff who may sign in at /desk. `password` is an Argon2id PHC string (`$argon2id$v=19$…`), never the
-- password. `atelier-shop desk add-user NAME` stores or replaces one.
CREATE TABLE desk_users (
    name        TEXT PRIMARY KEY NOT NULL,
    password    TEXT NOT NULL,
    created_at  BIGINT NOT NULL
);

-- A signed-in browser. The cookie holds a random token; only its SHA-256 is stored, so a copy of the database
-- signs no one in. A session ends at `expires_at` or at logout (the row is deleted).
CREATE TABLE desk_sessions (
    token_sha256 TEXT PRIMARY KEY NOT NULL,
    user_name    TEXT NOT NULL REFERENCES desk_users (name) ON DELETE CASCADE,
    created_at   BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL
);

CREATE INDEX desk_sessions_expiry ON desk_sessions (expires_at);

-- Where each order stands: received → approved → in_production → shipped, or cancelled before shipping
-- (the transitions are the shop's `desk::status`; the column only stores the state).
ALTER TABLE orders ADD COLUMN status TEXT NOT NULL DEFAULT 'received';

CREATE INDEX orders_desk_list ON orders (created_at, id);

-- Every move of an order's status: who moved it and when. The user's name is kept as text, so the history
-- outlives an account.
CREATE TABLE order_status_history (
    order_id    TEXT NOT NULL REFERENCES orders (id),
    seq         BIGINT NOT NULL,                 -- 1 for the order's first move, then 2, … (the history's order)
    from_status TEXT NOT NULL,
    to_status   TEXT NOT NULL,
    user_name   TEXT NOT NULL,
    moved_at    BIGINT NOT NULL,
    PRIMARY KEY (order_id, seq)
);
