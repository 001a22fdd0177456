WITH w AS (
  INSERT INTO "data"."post" ("id", "created_at", "updated_at", "title", "author_id")
  VALUES ($1, now(), now(), $2, $3)
  RETURNING *
)
SELECT (
  SELECT json_build_object('title', t0."title")
  FROM w t0
  WHERE EXISTS (SELECT 1 FROM "data"."user" t1 WHERE t1."id" = t0."author_id" AND t1."id" = $4)
), (SELECT bool_and(k.ok) FROM (SELECT (EXISTS (SELECT 1 FROM "data"."user" t3 WHERE t3."id" = t2."author_id" AND t3."id" = $5)) IS TRUE AS ok FROM w t2) k)
-- $1 Uuid: 0190a1b2-0000-7000-8000-000000000001
-- $2 Text: mine
-- $3 Uuid: 0190a1b2-0000-7000-8000-0000000000a1
-- $4 Uuid: 0190a1b2-0000-7000-8000-0000000000a1
-- $5 Uuid: 0190a1b2-0000-7000-8000-0000000000a1
