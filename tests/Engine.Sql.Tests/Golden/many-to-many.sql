SELECT json_build_object('tags', j1.j, 'comments', j2.j)
FROM "data"."post" t0
LEFT JOIN LATERAL (
  SELECT coalesce(json_agg(json_build_object('label', t1."label") ORDER BY t1."label", t1."id"), '[]'::json) AS j
  FROM (
    SELECT t1.*
    FROM "data"."tag" t1
    JOIN "data"."post_tags" m1 ON m1."tag_id" = t1."id"
    WHERE m1."post_id" = t0."id"
    ORDER BY t1."label", t1."id"
    LIMIT 2
  ) t1
) j1 ON true
LEFT JOIN LATERAL (
  SELECT coalesce(json_agg(json_build_object('body', t2."body") ORDER BY t2."id"), '[]'::json) AS j
  FROM "data"."comment" t2
  WHERE t2."post_id" = t0."id"
) j2 ON true
WHERE t0."id" = $1
-- $1 Uuid: 0190a1b2-0000-7000-8000-000000000001
