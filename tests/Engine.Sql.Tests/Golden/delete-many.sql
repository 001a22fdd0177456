WITH w AS (
  DELETE FROM "data"."post" t0
  RETURNING 1
)
SELECT json_build_object('count', count(*)::text) FROM w
