-- Orders as submitted, with the price the shop computed itself.
CREATE TABLE orders (
    id           TEXT PRIMARY KEY NOT NULL,       -- public order number, ATL-XXXX-XXXX
    submission   TEXT UNIQUE,                     -- client-chosen id that makes a retried submit idempotent
    product      TEXT NOT NULL,
    request      TEXT NOT NULL,                   -- the request body exactly as received (JSON)
    amount       INTEGER NOT NULL,                -- the shop's total, minor units
    currency     TEXT NOT NULL,
    breakdown    TEXT NOT NULL,                   -- the shop's price breakdown (JSON)
    created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
