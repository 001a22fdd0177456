SELECT coalesce(json_agg(json_build_object('id', t0."id") ORDER BY t0."id"), '[]'::json)
FROM (
  SELECT t0.*
  FROM (
    SELECT t0.*
    FROM "data"."post" t0
    ORDER BY t0."id"
    LIMIT 10
  ) t0
  ORDER BY t0."id" DESC
  LIMIT 3
) t0
