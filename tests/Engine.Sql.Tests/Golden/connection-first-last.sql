WITH p AS (
  SELECT t0.*
  FROM "data"."post" t0
  WHERE ((t0."price" IS NULL AND t0."id" > $1)) AND (t0."price" < $2::numeric OR (t0."price" = $3::numeric AND t0."id" < $4))
  ORDER BY t0."price", t0."id"
  LIMIT 11
), e AS (
  SELECT f.*
  FROM (SELECT p.* FROM p ORDER BY p."price", p."id" LIMIT 10) f
  ORDER BY f."price" DESC, f."id" DESC
  LIMIT 3
)
SELECT json_build_object('pageInfo', json_build_object('hasNextPage', (SELECT count(*) FROM p) > $5 OR EXISTS (SELECT 1 FROM "data"."post" t1 WHERE ((t1."price" > $6::numeric OR t1."price" IS NULL) OR (t1."price" = $7::numeric AND t1."id" > $8) OR (t1."price" = $9::numeric AND t1."id" = $10))), 'hasPreviousPage', least((SELECT count(*) FROM p), $11) > $12 OR EXISTS (SELECT 1 FROM "data"."post" t2 WHERE (t2."price" IS NOT NULL OR (t2."price" IS NULL AND t2."id" < $13) OR (t2."price" IS NULL AND t2."id" = $14))), 'startCursor', (SELECT translate(encode(convert_to(json_build_array(1, 'price_ASC,id_ASC', t3."price"::text, t3."id")::text, 'UTF8'), 'base64'), E'+/=\n', '-_') FROM e t3 ORDER BY t3."price", t3."id" LIMIT 1), 'endCursor', (SELECT translate(encode(convert_to(json_build_array(1, 'price_ASC,id_ASC', t4."price"::text, t4."id")::text, 'UTF8'), 'base64'), E'+/=\n', '-_') FROM e t4 ORDER BY t4."price" DESC, t4."id" DESC LIMIT 1)), 'edges', (
  SELECT coalesce(json_agg(json_build_object('cursor', translate(encode(convert_to(json_build_array(1, 'price_ASC,id_ASC', t5."price"::text, t5."id")::text, 'UTF8'), 'base64'), E'+/=\n', '-_'), 'node', json_build_object('id', t5."id")) ORDER BY t5."price", t5."id"), '[]'::json)
  FROM e t5
))
-- $1 Uuid: 0190a1b2-0000-7000-8000-000000000001
-- $2 Text: 9.99
-- $3 Text: 9.99
-- $4 Uuid: 0190a1b2-0000-7000-8000-000000000001
-- $5 Integer: 10
-- $6 Text: 9.99
-- $7 Text: 9.99
-- $8 Uuid: 0190a1b2-0000-7000-8000-000000000001
-- $9 Text: 9.99
-- $10 Uuid: 0190a1b2-0000-7000-8000-000000000001
-- $11 Integer: 10
-- $12 Integer: 3
-- $13 Uuid: 0190a1b2-0000-7000-8000-000000000001
-- $14 Uuid: 0190a1b2-0000-7000-8000-000000000001
