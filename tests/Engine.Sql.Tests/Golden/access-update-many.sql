WITH w AS (
  UPDATE "data"."post" t0
  SET "views" = $1, "updated_at" = now()
  WHERE EXISTS (SELECT 1 FROM "data"."user" t1 WHERE t1."id" = t0."author_id" AND t1."id" = $2)
  RETURNING t0.*
)
SELECT json_build_object('count', count(*)::text), (SELECT bool_and(k.ok) FROM (SELECT (EXISTS (SELECT 1 FROM "data"."user" t3 WHERE t3."id" = t2."author_id" AND t3."id" = $3)) IS TRUE AS ok FROM w t2) k) FROM w
-- $1 Integer: 1
-- $2 Uuid: 0190a1b2-0000-7000-8000-0000000000a1
-- $3 Uuid: 0190a1b2-0000-7000-8000-0000000000a1
