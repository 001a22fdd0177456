WITH w AS (
  DELETE FROM "data"."post" t0
  WHERE t0."id" = $1 AND EXISTS (SELECT 1 FROM "data"."user" t1 WHERE t1."id" = t0."author_id" AND t1."id" = $2)
  RETURNING t0.*
)
SELECT (
  SELECT json_build_object('title', t0."title")
  FROM w t0
  WHERE EXISTS (SELECT 1 FROM "data"."user" t2 WHERE t2."id" = t0."author_id" AND t2."id" = $3)
), (SELECT bool_and(k.ok) FROM (SELECT TRUE AS ok FROM w t3) k)
-- $1 Uuid: 0190a1b2-0000-7000-8000-000000000001
-- $2 Uuid: 0190a1b2-0000-7000-8000-0000000000a1
-- $3 Uuid: 0190a1b2-0000-7000-8000-0000000000a1
