-- Requests for physical color swatches: a small order type with no price, the shopper's contact details and
-- the colors to send. The contact is personal data: it is stored here and never served back over the API.
-- The PostgreSQL twin of migrations/sqlite/0003_swatch_requests.sql.
CREATE TABLE swatch_requests (
    id           TEXT COLLATE "C" PRIMARY KEY NOT NULL,  -- public number, SWR-XXXX-XXXX
    submission   TEXT NOT NULL UNIQUE,            -- client-chosen id that makes a retried submit idempotent
    product      TEXT NOT NULL,
    colors       TEXT NOT NULL,                   -- JSON array of color ids, in the order sent
    contact      TEXT NOT NULL,                   -- JSON: {name, email, phone, address: {line1, line2, city, postal_code, country}}
    locale       TEXT NOT NULL,                   -- the language to write to the shopper in: en or ko
    status       TEXT NOT NULL DEFAULT 'received',
    created_at   TEXT COLLATE "C" NOT NULL
);
