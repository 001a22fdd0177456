-- CockroachDB's form of 0002_outbox.sql (the store's migrator runs it instead of that script): the same table, index
-- and trigger function, written with what CockroachDB has. It runs on a new store only, so it has no upgrade block.
--   * the shard is the uuid's last hex digit (no hashtext; the random low bits of UUIDv7 and v4 spread evenly);
--   * the resource name is TG_ARGV[0] on PostgreSQL but TG_ARGV[1] on CockroachDB (one-based), so both are read;
--   * operation is text (one letter) instead of "char";
--   * outbox_shards has one row per shard: the relay locks a shard with SELECT … FOR UPDATE SKIP LOCKED on its row,
--     in place of PostgreSQL's transaction-scoped advisory lock.

CREATE TABLE IF NOT EXISTS engine_meta.outbox (
    seq          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id     uuid        NOT NULL DEFAULT gen_random_uuid(),
    resource     text        NOT NULL,
    operation    text        NOT NULL,
    record_id    uuid        NOT NULL,
    shard        smallint    NOT NULL,
    old_row      jsonb,
    new_row      jsonb,
    committed_at timestamptz NOT NULL DEFAULT now(),
    delivered_at timestamptz
);

CREATE INDEX IF NOT EXISTS outbox_pending_idx ON engine_meta.outbox (shard, seq) WHERE delivered_at IS NULL;

CREATE INDEX IF NOT EXISTS outbox_delivered_idx ON engine_meta.outbox (delivered_at) WHERE delivered_at IS NOT NULL;

CREATE TABLE IF NOT EXISTS engine_meta.outbox_shards (
    shard smallint PRIMARY KEY
);

INSERT INTO engine_meta.outbox_shards (shard) SELECT s::smallint FROM generate_series(0, 15) AS s ON CONFLICT DO NOTHING;

CREATE OR REPLACE FUNCTION engine_meta.record_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO engine_meta.outbox (resource, operation, record_id, shard, new_row)
        VALUES (coalesce(TG_ARGV[0], TG_ARGV[1]), 'I', NEW.id,
                strpos('0123456789abcdef', right(NEW.id::text, 1)) - 1, to_jsonb(NEW));
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO engine_meta.outbox (resource, operation, record_id, shard, old_row, new_row)
        VALUES (coalesce(TG_ARGV[0], TG_ARGV[1]), 'U', NEW.id,
                strpos('0123456789abcdef', right(NEW.id::text, 1)) - 1, to_jsonb(OLD), to_jsonb(NEW));
    ELSE
        INSERT INTO engine_meta.outbox (resource, operation, record_id, shard, old_row)
        VALUES (coalesce(TG_ARGV[0], TG_ARGV[1]), 'D', OLD.id,
                strpos('0123456789abcdef', right(OLD.id::text, 1)) - 1, to_jsonb(OLD));
    END IF;

    RETURN NULL;
END
$$;
