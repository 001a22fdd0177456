SELECT coalesce(json_agg(json_build_object('name', t0."name", 'posts', j1.j) ORDER BY t0."id"), '[]'::json)
FROM "data"."user" t0
LEFT JOIN LATERAL (
  SELECT coalesce(json_agg(json_build_object('title', t1."title", 'comments', j2.j) ORDER BY t1."id"), '[]'::json) AS j
  FROM "data"."post" t1
  LEFT JOIN LATERAL (
    SELECT coalesce(json_agg(json_build_object('body', t2."body", 'post', j3.j) ORDER BY t2."id"), '[]'::json) AS j
    FROM "data"."comment" t2
    LEFT JOIN LATERAL (
      SELECT json_build_object('slug', t3."slug") AS j
      FROM "data"."post" t3
      WHERE t3."id" = t2."post_id"
    ) j3 ON true
    WHERE t2."post_id" = t1."id"
  ) j2 ON true
  WHERE t1."author_id" = t0."id" AND t1."published" = $1
) j1 ON true
-- $1 Boolean: True
