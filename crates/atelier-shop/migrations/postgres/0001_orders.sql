-- Orders as submitted, with the price the shop computed itself. The PostgreSQL twin of
-- migrations/sqlite/0001_orders.sql: the same columns, PostgreSQL's types. Text that is sorted or compared
-- by range (ids, RFC 3339 times) is `COLLATE "C"`, so it orders byte by byte as in SQLite, whatever the
-- server's locale.
CREATE TABLE orders (
    id           TEXT COLLATE "C" PRIMARY KEY NOT NULL,  -- public order number, ATL-XXXX-XXXX
    submission   TEXT UNIQUE,                     -- client-chosen id that makes a retried submit idempotent
    product      TEXT NOT NULL,
    request      TEXT NOT NULL,                   -- the request body exactly as received (JSON)
    amount       BIGINT NOT NULL,                 -- the shop's total, minor units
    currency     TEXT NOT NULL,
    breakdown    TEXT NOT NULL,                   -- the shop's price breakdown (JSON)
    created_at   TEXT COLLATE "C" NOT NULL
                 DEFAULT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
);
