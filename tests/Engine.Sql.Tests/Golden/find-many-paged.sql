SELECT coalesce(json_agg(json_build_object('id', t0."id", 'title', t0."title") ORDER BY t0."views" DESC, t0."id"), '[]'::json)
FROM (
  SELECT t0.*
  FROM "data"."post" t0
  WHERE t0."published" = $1 AND t0."views" >= $2
  ORDER BY t0."views" DESC, t0."id"
  LIMIT 10
  OFFSET $3
) t0
-- $1 Boolean: True
-- $2 Integer: 10
-- $3 Integer: 20
