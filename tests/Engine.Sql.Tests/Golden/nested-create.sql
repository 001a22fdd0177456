-- step 1
WITH w AS (
  INSERT INTO "data"."user" ("id", "created_at", "updated_at", "name")
  VALUES ($1, now(), now(), $2)
  RETURNING *
)
SELECT t0."id"
FROM w t0
-- $1 Uuid: 0190a1b2-0000-7000-8000-000000000002
-- $2 Text: Ada
-- step 2
WITH w AS (
  INSERT INTO "data"."post" ("id", "created_at", "updated_at", "title", "author_id")
  VALUES ($1, now(), now(), $2, $3)
  RETURNING *
)
SELECT t0."id"
FROM w t0
-- $1 Uuid: 0190a1b2-0000-7000-8000-000000000001
-- $2 Text: Hello
-- $3 Uuid: 0190a1b2-0000-7000-8000-000000000002
-- step 3
WITH w AS (
  INSERT INTO "data"."comment" ("id", "created_at", "updated_at", "body", "post_id")
  VALUES ($1, now(), now(), $2, $3)
  RETURNING *
)
SELECT t0."id"
FROM w t0
-- $1 Uuid: 0190a1b2-0000-7000-8000-000000000003
-- $2 Text: first
-- $3 Uuid: 0190a1b2-0000-7000-8000-000000000001
-- step 4
WITH w AS (
  INSERT INTO "data"."comment" ("id", "created_at", "updated_at", "body", "post_id")
  VALUES ($1, now(), now(), $2, $3)
  RETURNING *
)
SELECT t0."id"
FROM w t0
-- $1 Uuid: 0190a1b2-0000-7000-8000-000000000004
-- $2 Text: second
-- $3 Uuid: 0190a1b2-0000-7000-8000-000000000001
-- step 5
WITH w AS (
  INSERT INTO "data"."tag" ("id", "created_at", "updated_at", "label")
  VALUES ($1, now(), now(), $2)
  RETURNING *
)
SELECT t0."id"
FROM w t0
-- $1 Uuid: 0190a1b2-0000-7000-8000-000000000005
-- $2 Text: new
-- step 6
INSERT INTO "data"."post_tags" ("post_id", "tag_id")
SELECT $1, unnest($2)
ON CONFLICT DO NOTHING
-- $1 Uuid: 0190a1b2-0000-7000-8000-000000000001
-- $2 Uuid[]: {0190a1b2-0000-7000-8000-000000000005}
-- step 7
WITH s AS (SELECT t0."id" FROM "data"."tag" t0 WHERE t0."label" = $1),
i AS (
  INSERT INTO "data"."post_tags" ("post_id", "tag_id")
  SELECT $2, s."id" FROM s
  ON CONFLICT DO NOTHING
)
SELECT s."id" FROM s
-- $1 Text: old
-- $2 Uuid: 0190a1b2-0000-7000-8000-000000000001
