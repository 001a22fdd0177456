WITH u AS (
  UPDATE "data"."post" t0
  SET "title" = $1, "updated_at" = now()
  WHERE t0."id" = $2 AND EXISTS (SELECT 1 FROM "data"."user" t1 WHERE t1."id" = t0."author_id" AND t1."id" = $3)
  RETURNING t0.*
),
i AS (
  INSERT INTO "data"."post" ("id", "created_at", "updated_at", "title", "author_id")
  SELECT $4, now(), now(), $5, $6
  WHERE NOT EXISTS (SELECT 1 FROM u)
  RETURNING *
)
SELECT (
  SELECT json_build_object('title', t0."title")
  FROM (SELECT * FROM u UNION ALL SELECT * FROM i) t0
  WHERE EXISTS (SELECT 1 FROM "data"."user" t2 WHERE t2."id" = t0."author_id" AND t2."id" = $7)
), (SELECT bool_and(k.ok) FROM (SELECT (EXISTS (SELECT 1 FROM "data"."user" t4 WHERE t4."id" = t3."author_id" AND t4."id" = $8)) IS TRUE AS ok FROM u t3 UNION ALL SELECT (EXISTS (SELECT 1 FROM "data"."user" t6 WHERE t6."id" = t5."author_id" AND t6."id" = $9)) IS TRUE AS ok FROM i t5) k)
-- $1 Text: changed
-- $2 Uuid: 0190a1b2-0000-7000-8000-000000000001
-- $3 Uuid: 0190a1b2-0000-7000-8000-0000000000a1
-- $4 Uuid: 0190a1b2-0000-7000-8000-000000000001
-- $5 Text: new
-- $6 Uuid: 0190a1b2-0000-7000-8000-0000000000a1
-- $7 Uuid: 0190a1b2-0000-7000-8000-0000000000a1
-- $8 Uuid: 0190a1b2-0000-7000-8000-0000000000a1
-- $9 Uuid: 0190a1b2-0000-7000-8000-0000000000a1
