-- Signed webhooks. Admins register endpoints; every change a subscriber may want is written, in the
-- transaction of the change, as an event of the outbox (webhook_event); the dispatcher then makes one
-- delivery per event and subscribed endpoint (webhook_delivery) and posts it until it is taken.

CREATE TABLE webhook_endpoint (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    url         varchar(2000) NOT NULL,
    -- whsec_ and the base64 of the signing key: needed as is to sign, so it is stored as is.
    secret      varchar(100)  NOT NULL,
    events      text[]        NOT NULL,
    description varchar(500),
    enabled     boolean       NOT NULL DEFAULT true,
    created_by  varchar(64)   NOT NULL,
    created_at  timestamptz   NOT NULL,
    updated_at  timestamptz   NOT NULL
);

-- The outbox: one row per change, whoever subscribes. fanned_out_at is set once the dispatcher made its
-- deliveries.
CREATE TABLE webhook_event (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    type          varchar(64) NOT NULL,
    payload       jsonb       NOT NULL,
    created_at    timestamptz NOT NULL,
    fanned_out_at timestamptz
);
CREATE INDEX webhook_event_to_fan_out ON webhook_event (id) WHERE fanned_out_at IS NULL;

-- One event to one endpoint: PENDING until a 2xx answer (DELIVERED), or until the attempts stop
-- (FAILED), at least a day after the first.
CREATE TABLE webhook_delivery (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id         bigint        NOT NULL REFERENCES webhook_event (id) ON DELETE CASCADE,
    endpoint_id      bigint        NOT NULL REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
    status           varchar(16)   NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         integer       NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz,
    first_attempt_at timestamptz,
    last_status      integer,
    last_error       varchar(200),
    delivered_at     timestamptz,
    created_at       timestamptz   NOT NULL,
    CONSTRAINT webhook_delivery_once UNIQUE (event_id, endpoint_id)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_log ON webhook_delivery (endpoint_id, created_at DESC, id DESC);
