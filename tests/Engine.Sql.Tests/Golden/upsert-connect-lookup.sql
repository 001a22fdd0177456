WITH c AS (
  SELECT (SELECT t1."id" FROM "data"."user" t1 WHERE t1."email" = $1) AS c0,
    (SELECT t2."id" FROM "data"."user" t2 WHERE t2."email" = $2) AS c1,
    EXISTS (SELECT 1 FROM "data"."post" t3 WHERE t3."slug" = $3) AS e
),
u AS (
  UPDATE "data"."post" t0
  SET "author_id" = c.c0, "updated_at" = now()
  FROM c
  WHERE t0."slug" = $4 AND c.c0 IS NOT NULL
  RETURNING t0.*
),
i AS (
  INSERT INTO "data"."post" ("id", "created_at", "updated_at", "title", "author_id")
  SELECT $5, now(), now(), $6, c.c1
  FROM c WHERE NOT c.e AND c.c1 IS NOT NULL
  RETURNING *
)
SELECT (
  SELECT json_build_object('id', t0."id")
  FROM (SELECT * FROM u UNION ALL SELECT * FROM i) t0
), CASE WHEN c.e AND c.c0 IS NULL THEN 0 WHEN NOT c.e AND c.c1 IS NULL THEN 1 END
FROM c
-- $1 Text: old@example.com
-- $2 Text: new@example.com
-- $3 Text: hello
-- $4 Text: hello
-- $5 Uuid: 0190a1b2-0000-7000-8000-000000000001
-- $6 Text: New
-- connect check: update.author
-- connect check: create.author
