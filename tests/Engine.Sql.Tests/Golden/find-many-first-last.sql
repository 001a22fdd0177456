SELECT coalesce(json_agg(json_build_object('id', t0."id") ORDER BY t0."id"), '[]'::json)
FROM (
  SELECT t0.*
  FROM (
    SELECT t0.*
    FROM "data"."post" t0
    ORDER BY t0."id"
    LIMIT $1
  ) t0
  ORDER BY t0."id" DESC
  LIMIT $2
) t0
-- $1 Integer: 10
-- $2 Integer: 3
