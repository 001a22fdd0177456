WITH w AS (
  UPDATE "data"."post" t0
  SET "status" = $1, "updated_at" = now()
  WHERE t0."published" = $2
  RETURNING 1
)
SELECT json_build_object('count', count(*)::text, '__typename', 'BatchPayload') FROM w
-- $1 Text: DRAFT
-- $2 Boolean: False
