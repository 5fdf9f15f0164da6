-- Designs stored under a short code a shopper can read aloud or type (`K7QM-2XR8`, see
-- atelier_core::design_code). Anyone with the code can open the design; nothing personal is stored beyond the
-- design itself. The same design asked for twice gets the same code: `fingerprint` (the SHA-256 of the
-- design's canonical JSON) is unique. Codes do not expire.
CREATE TABLE designs (
    code            TEXT PRIMARY KEY NOT NULL,   -- canonical form, e.g. K7QM-2XR8
    fingerprint     TEXT NOT NULL UNIQUE,        -- lowercase hex SHA-256 of `design`
    product         TEXT NOT NULL,
    design          TEXT NOT NULL,               -- the design as canonical JSON
    catalog_version TEXT NOT NULL,               -- the catalog file's SHA-256 when it was stored
    created_at      TEXT NOT NULL
);
