WITH c AS (
  SELECT (SELECT t1."id" FROM "data"."user" t1 WHERE t1."email" = $1) AS c0
),
w AS (
  INSERT INTO "data"."post" ("id", "created_at", "updated_at", "title", "author_id")
  SELECT $2, now(), now(), $3, c.c0
  FROM c WHERE c.c0 IS NOT NULL
  RETURNING *
)
SELECT (
  SELECT json_build_object('id', t0."id")
  FROM w t0
), CASE WHEN c.c0 IS NULL THEN 0 END
FROM c
-- $1 Text: ada@example.com
-- $2 Uuid: 0190a1b2-0000-7000-8000-000000000001
-- $3 Text: Hello
-- connect check: data.author
