WITH w AS (
  DELETE FROM "data"."post" t0
  WHERE t0."id" = $1
  RETURNING t0.*
)
SELECT json_build_object('title', t0."title", 'comments', j1.j)
FROM w t0
LEFT JOIN LATERAL (
  SELECT coalesce(json_agg(json_build_object('body', t1."body") ORDER BY t1."id"), '[]'::json) AS j
  FROM "data"."comment" t1
  WHERE t1."post_id" = t0."id"
) j1 ON true
-- $1 Uuid: 0190a1b2-0000-7000-8000-000000000001
