SELECT coalesce(json_agg(json_build_object('id', t0."id") ORDER BY t0."title", t0."id"), '[]'::json)
FROM (
  SELECT t0.*
  FROM "data"."post" t0
  ORDER BY t0."title" DESC, t0."id" DESC
  LIMIT 3
) t0
