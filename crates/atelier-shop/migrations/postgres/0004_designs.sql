-- Designs stored under a short code a shopper can read aloud or type (`K7QM-2XR8`, see
-- atelier_core::design_code). The PostgreSQL twin of migrations/sqlite/0004_designs.sql: the same design
-- asked for twice gets the same code (`fingerprint` is unique); codes do not expire.
CREATE TABLE designs (
    code            TEXT COLLATE "C" PRIMARY KEY NOT NULL,  -- canonical form, e.g. K7QM-2XR8
    fingerprint     TEXT NOT NULL UNIQUE,        -- lowercase hex SHA-256 of `design`
    product         TEXT NOT NULL,
    design          TEXT NOT NULL,               -- the design as canonical JSON
    catalog_version TEXT NOT NULL,               -- the catalog file's SHA-256 when it was stored
    created_at      TEXT COLLATE "C" NOT NULL
);
