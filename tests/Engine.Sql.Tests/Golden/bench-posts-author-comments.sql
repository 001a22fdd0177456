SELECT coalesce(json_agg(json_build_object('id', t0."id", 'title', t0."title", 'author', j1.j, 'comments', j2.j) ORDER BY t0."id"), '[]'::json)
FROM (
  SELECT t0.*
  FROM "data"."post" t0
  ORDER BY t0."id"
  LIMIT 10
) t0
LEFT JOIN LATERAL (
  SELECT json_build_object('name', t1."name") AS j
  FROM "data"."user" t1
  WHERE t1."id" = t0."author_id"
) j1 ON true
LEFT JOIN LATERAL (
  SELECT coalesce(json_agg(json_build_object('id', t2."id", 'body', t2."body") ORDER BY t2."id"), '[]'::json) AS j
  FROM (
    SELECT t2.*
    FROM "data"."comment" t2
    WHERE t2."post_id" = t0."id"
    ORDER BY t2."id"
    LIMIT 5
  ) t2
) j2 ON true
