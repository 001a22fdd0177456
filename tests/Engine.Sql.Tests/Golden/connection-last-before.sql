WITH p AS (
  SELECT t0.*
  FROM "data"."post" t0
  WHERE (t0."title" < $1 OR (t0."title" = $2 AND t0."id" < $3))
  ORDER BY t0."title" DESC, t0."id" DESC
  LIMIT 6
), e AS (
  SELECT p.*
  FROM p
  ORDER BY p."title" DESC, p."id" DESC
  LIMIT 5
)
SELECT json_build_object('pageInfo', json_build_object('hasNextPage', EXISTS (SELECT 1 FROM "data"."post" t1 WHERE (t1."title" > $4 OR (t1."title" = $5 AND t1."id" > $6) OR (t1."title" = $7 AND t1."id" = $8))), 'hasPreviousPage', (SELECT count(*) FROM p) > $9, 'startCursor', (SELECT translate(encode(convert_to(json_build_array(1, 'title_ASC,id_ASC', t2."title", t2."id")::text, 'UTF8'), 'base64'), E'+/=\n', '-_') FROM e t2 ORDER BY t2."title", t2."id" LIMIT 1), 'endCursor', (SELECT translate(encode(convert_to(json_build_array(1, 'title_ASC,id_ASC', t3."title", t3."id")::text, 'UTF8'), 'base64'), E'+/=\n', '-_') FROM e t3 ORDER BY t3."title" DESC, t3."id" DESC LIMIT 1)), 'edges', (
  SELECT coalesce(json_agg(json_build_object('cursor', translate(encode(convert_to(json_build_array(1, 'title_ASC,id_ASC', t4."title", t4."id")::text, 'UTF8'), 'base64'), E'+/=\n', '-_'), 'node', json_build_object('id', t4."id")) ORDER BY t4."title", t4."id"), '[]'::json)
  FROM e t4
))
-- $1 Text: m
-- $2 Text: m
-- $3 Uuid: 0190a1b2-0000-7000-8000-000000000001
-- $4 Text: m
-- $5 Text: m
-- $6 Uuid: 0190a1b2-0000-7000-8000-000000000001
-- $7 Text: m
-- $8 Uuid: 0190a1b2-0000-7000-8000-000000000001
-- $9 Integer: 5
