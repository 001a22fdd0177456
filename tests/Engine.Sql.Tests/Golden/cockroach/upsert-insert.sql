-- step 1
WITH w AS (
  UPDATE "data"."post" t0
  SET "title" = $1, "updated_at" = now()
  WHERE t0."slug" = $2
  RETURNING t0.*
)
SELECT t0."id"
FROM w t0
-- $1 Text: Hello again
-- $2 Text: hello
-- step 2
WITH w AS (
  INSERT INTO "data"."post" ("id", "created_at", "updated_at", "title", "slug")
  VALUES ($1, now(), now(), $2, $3)
  RETURNING *
)
SELECT t0."id"
FROM w t0
-- $1 Uuid: 0190a1b2-0000-7000-8000-000000000001
-- $2 Text: Hello
-- $3 Text: hello
