SELECT coalesce(json_agg(json_build_object('title', t0."title", 'author', j1.j, 'comments', j2.j) ORDER BY t0."id"), '[]'::json)
FROM (
  SELECT t0.*
  FROM "data"."post" t0
  WHERE EXISTS (SELECT 1 FROM "data"."user" t3 WHERE t3."id" = t0."author_id" AND t3."id" = $1)
  ORDER BY t0."id"
  LIMIT 10
) t0
LEFT JOIN LATERAL (
  SELECT json_build_object('name', t1."name") AS j
  FROM "data"."user" t1
  WHERE t1."id" = t0."author_id"
) j1 ON true
LEFT JOIN LATERAL (
  SELECT coalesce(json_agg(json_build_object('body', t2."body") ORDER BY t2."id"), '[]'::json) AS j
  FROM "data"."comment" t2
  WHERE t2."post_id" = t0."id" AND EXISTS (SELECT 1 FROM "data"."post" t4 WHERE t4."id" = t2."post_id" AND EXISTS (SELECT 1 FROM "data"."user" t5 WHERE t5."id" = t4."author_id" AND t5."id" = $2))
) j2 ON true
-- $1 Uuid: 0190a1b2-0000-7000-8000-0000000000a1
-- $2 Uuid: 0190a1b2-0000-7000-8000-0000000000a1
