-- The transactional outbox (SPEC §5): a trigger on every resource table writes one row per changed record in the
-- writing transaction, so single, nested and bulk writes and ON DELETE CASCADE / SET NULL effects are all captured,
-- and a rolled-back write leaves nothing. The relay publishes undelivered rows and marks them delivered.

CREATE TABLE IF NOT EXISTS engine_meta.outbox (
    seq          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id     uuid        NOT NULL DEFAULT gen_random_uuid(),
    resource     text        NOT NULL,
    operation    "char"      NOT NULL,
    record_id    uuid        NOT NULL,
    shard        smallint    NOT NULL,
    old_row      jsonb,
    new_row      jsonb,
    committed_at timestamptz NOT NULL DEFAULT now(),
    delivered_at timestamptz
);

-- The relay reads each shard's pending rows in seq order; delivered rows drop out of this index.
CREATE INDEX IF NOT EXISTS outbox_pending_idx ON engine_meta.outbox (shard, seq) WHERE delivered_at IS NULL;

-- Pruning deletes delivered rows older than the retention period.
CREATE INDEX IF NOT EXISTS outbox_delivered_idx ON engine_meta.outbox (delivered_at) WHERE delivered_at IS NOT NULL;

-- One function for every resource table; the trigger passes the resource name as its argument. Rows are stored with
-- their column names and raw values (to_jsonb); the relay turns them into the API's form.
CREATE OR REPLACE FUNCTION engine_meta.record_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO engine_meta.outbox (resource, operation, record_id, shard, new_row)
        VALUES (TG_ARGV[0], 'I', NEW.id, hashtext(NEW.id::text) & 15, to_jsonb(NEW));
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO engine_meta.outbox (resource, operation, record_id, shard, old_row, new_row)
        VALUES (TG_ARGV[0], 'U', NEW.id, hashtext(NEW.id::text) & 15, to_jsonb(OLD), to_jsonb(NEW));
    ELSE
        INSERT INTO engine_meta.outbox (resource, operation, record_id, shard, old_row)
        VALUES (TG_ARGV[0], 'D', OLD.id, hashtext(OLD.id::text) & 15, to_jsonb(OLD));
    END IF;

    RETURN NULL;
END
$$;

-- Resource tables made before this script get their trigger here; tables made later get it from the migrator's plan.
-- The data schema comes from the store running the script (engine.data_schema, set for this transaction), and each
-- resource's table is its name in snake_case, as NameConventions.ToSnakeCase makes it (resource names are ASCII
-- PascalCase). Join tables are not resources, so they get no trigger.
DO $$
DECLARE
    data_schema text := coalesce(nullif(current_setting('engine.data_schema', true), ''), 'data');
    resource_name text;
    table_name text;
    resource_table regclass;
BEGIN
    FOR resource_name IN SELECT name FROM engine_meta.resources ORDER BY position LOOP
        table_name := lower(regexp_replace(
            regexp_replace(resource_name, '([a-z0-9])([A-Z])', E'\\1_\\2', 'g'), '([A-Z])([A-Z][a-z])', E'\\1_\\2', 'g'));
        resource_table := to_regclass(format('%I.%I', data_schema, table_name));
        IF resource_table IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = resource_table AND tgname = 'engine_outbox') THEN
            EXECUTE format(
                'CREATE TRIGGER engine_outbox AFTER INSERT OR UPDATE OR DELETE ON %I.%I FOR EACH ROW EXECUTE FUNCTION engine_meta.record_changed(%L)',
                data_schema, table_name, resource_name);
        END IF;
    END LOOP;
END
$$;
