SELECT coalesce(json_agg(json_build_object('id', t0."id", 'comments', j1.j) ORDER BY t0."published_at" DESC, t0."id"), '[]'::json)
FROM (
  SELECT t0.*
  FROM "data"."post" t0
  WHERE (t0."published_at" IS NOT NULL OR (t0."published_at" IS NULL AND t0."id" > $1))
  ORDER BY t0."published_at" DESC, t0."id"
  LIMIT 2
) t0
LEFT JOIN LATERAL (
  SELECT coalesce(json_agg(json_build_object('body', t1."body") ORDER BY t1."id"), '[]'::json) AS j
  FROM (
    SELECT t1.*
    FROM "data"."comment" t1
    WHERE t1."post_id" = t0."id" AND (t1."id" < $2)
    ORDER BY t1."id" DESC
    LIMIT 2
  ) t1
) j1 ON true
-- $1 Uuid: 0190a1b2-0000-7000-8000-000000000001
-- $2 Uuid: 0190a1b2-0000-7000-8000-000000000001
