WITH p AS (
  SELECT t0.*
  FROM "data"."post" t0
  WHERE t0."published" = $1 AND (t0."views" < $2 OR (t0."views" = $3 AND t0."id" > $4))
  ORDER BY t0."views" DESC, t0."id"
  LIMIT 11
), e AS (
  SELECT p.*
  FROM p
  ORDER BY p."views" DESC, p."id"
  LIMIT 10
)
SELECT json_build_object('pageInfo', json_build_object('hasNextPage', (SELECT count(*) FROM p) > $5, 'hasPreviousPage', EXISTS (SELECT 1 FROM "data"."post" t1 WHERE t1."published" = $6 AND ((t1."views" > $7 OR t1."views" IS NULL) OR (t1."views" = $8 AND t1."id" < $9) OR (t1."views" = $10 AND t1."id" = $11))), 'startCursor', (SELECT translate(encode(convert_to(json_build_array(1, 'views_DESC,id_ASC', t2."views", t2."id")::text, 'UTF8'), 'base64'), E'+/=\n', '-_') FROM e t2 ORDER BY t2."views" DESC, t2."id" LIMIT 1), 'endCursor', (SELECT translate(encode(convert_to(json_build_array(1, 'views_DESC,id_ASC', t3."views", t3."id")::text, 'UTF8'), 'base64'), E'+/=\n', '-_') FROM e t3 ORDER BY t3."views", t3."id" DESC LIMIT 1)), 'edges', (
  SELECT coalesce(json_agg(json_build_object('cursor', translate(encode(convert_to(json_build_array(1, 'views_DESC,id_ASC', t4."views", t4."id")::text, 'UTF8'), 'base64'), E'+/=\n', '-_'), 'node', json_build_object('title', t4."title", 'comments', j5.j)) ORDER BY t4."views" DESC, t4."id"), '[]'::json)
  FROM e t4
  LEFT JOIN LATERAL (
    SELECT coalesce(json_agg(json_build_object('body', t5."body") ORDER BY t5."id"), '[]'::json) AS j
    FROM (
      SELECT t5.*
      FROM "data"."comment" t5
      WHERE t5."post_id" = t4."id"
      ORDER BY t5."id"
      LIMIT 3
    ) t5
  ) j5 ON true
))
-- $1 Boolean: True
-- $2 Integer: 42
-- $3 Integer: 42
-- $4 Uuid: 0190a1b2-0000-7000-8000-000000000001
-- $5 Integer: 10
-- $6 Boolean: True
-- $7 Integer: 42
-- $8 Integer: 42
-- $9 Uuid: 0190a1b2-0000-7000-8000-000000000001
-- $10 Integer: 42
-- $11 Uuid: 0190a1b2-0000-7000-8000-000000000001
