WITH w AS (
  UPDATE "data"."post" t0
  SET "title" = $1, "updated_at" = now()
  WHERE t0."id" = $2 AND EXISTS (SELECT 1 FROM "data"."user" t1 WHERE t1."id" = t0."author_id" AND t1."id" = $3)
  RETURNING t0.*
)
SELECT (
  SELECT json_build_object('title', t0."title")
  FROM w t0
  WHERE EXISTS (SELECT 1 FROM "data"."user" t2 WHERE t2."id" = t0."author_id" AND t2."id" = $4)
), (SELECT bool_and(k.ok) FROM (SELECT (EXISTS (SELECT 1 FROM "data"."user" t4 WHERE t4."id" = t3."author_id" AND t4."id" = $5)) IS TRUE AS ok FROM w t3) k)
-- $1 Text: new
-- $2 Uuid: 0190a1b2-0000-7000-8000-000000000001
-- $3 Uuid: 0190a1b2-0000-7000-8000-0000000000a1
-- $4 Uuid: 0190a1b2-0000-7000-8000-0000000000a1
-- $5 Uuid: 0190a1b2-0000-7000-8000-0000000000a1
