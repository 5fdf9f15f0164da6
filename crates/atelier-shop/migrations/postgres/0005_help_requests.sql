-- "Call me about this design": a shopper's request to be phoned about a stored design. The name and phone
-- number are personal data: stored for the shop's staff, never served back over the API.
-- The PostgreSQL twin of migrations/sqlite/0005_help_requests.sql.
CREATE TABLE help_requests (
    id             TEXT COLLATE "C" PRIMARY KEY NOT NULL,  -- public number, HLP-XXXX-XXXX
    submission     TEXT NOT NULL UNIQUE,        -- client-chosen id that makes a retried submit idempotent
    code           TEXT NOT NULL,               -- the design code, canonical
    name           TEXT NOT NULL,
    phone          TEXT NOT NULL,
    preferred_time TEXT NOT NULL,               -- morning, afternoon, evening or anytime
    locale         TEXT NOT NULL,               -- the language to speak: en or ko
    status         TEXT NOT NULL DEFAULT 'received',
    created_at     TEXT COLLATE "C" NOT NULL
);
