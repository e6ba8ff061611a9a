-- Bans and timed suspensions of authors (by email or address hash), and per-author settings.

CREATE TABLE ban (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- Lower-cased.
    email       varchar(254),
    ip_hash     varchar(64),
    reason      varchar(500)  NOT NULL,
    -- NULL: until lifted. Otherwise a suspension that ends by itself.
    until       timestamptz,
    created_by  varchar(64)   NOT NULL,
    created_at  timestamptz   NOT NULL DEFAULT now(),
    lifted_by   varchar(64),
    lifted_at   timestamptz,
    CONSTRAINT ban_names_someone CHECK (email IS NOT NULL OR ip_hash IS NOT NULL)
);
CREATE INDEX ban_email_idx ON ban (email) WHERE lifted_at IS NULL;
CREATE INDEX ban_ip_hash_idx ON ban (ip_hash) WHERE lifted_at IS NULL;

CREATE TABLE author_setting (
    -- Lower-cased.
    email        varchar(254)  PRIMARY KEY,
    premoderated boolean       NOT NULL,
    updated_by   varchar(64)   NOT NULL,
    updated_at   timestamptz   NOT NULL DEFAULT now()
);

-- Erasing an author (the right to erasure) leaves their comments as tombstones without email or address.
ALTER TABLE comment ALTER COLUMN author_email DROP NOT NULL;
ALTER TABLE comment ALTER COLUMN ip_hash DROP NOT NULL;
ALTER TABLE comment ADD COLUMN erased_at timestamptz;
