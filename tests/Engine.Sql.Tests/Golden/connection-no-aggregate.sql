WITH p AS (
  SELECT t0.*
  FROM "data"."post" t0
  ORDER BY t0."id"
)
SELECT json_build_object('edges', (
  SELECT coalesce(json_agg(json_build_object('node', json_build_object('id', t1."id")) ORDER BY t1."id"), '[]'::json)
  FROM p t1
), '__typename', 'PostConnection')
