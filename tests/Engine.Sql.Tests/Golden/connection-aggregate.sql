WITH p AS (
  SELECT t0.*
  FROM "data"."post" t0
  WHERE t0."published" = $1
  ORDER BY t0."id"
  LIMIT 4
  OFFSET $2
), e AS (
  SELECT p.*
  FROM p
  ORDER BY p."id"
  LIMIT 3
), c AS (
  SELECT count(*) AS n
  FROM "data"."post" t1
  WHERE t1."published" = $3
)
SELECT json_build_object('aggregate', json_build_object('count', (SELECT n FROM c), '__typename', 'AggregatePost'), 'again', json_build_object('total', (SELECT n FROM c)), 'edges', (
  SELECT coalesce(json_agg(json_build_object('node', json_build_object('id', t2."id")) ORDER BY t2."id"), '[]'::json)
  FROM e t2
))
-- $1 Boolean: True
-- $2 Integer: 2
-- $3 Boolean: True
