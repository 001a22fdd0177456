-- step 1
SELECT t0."id", t0."author_id"
FROM "data"."post" t0
WHERE t0."slug" = $1
FOR UPDATE
-- $1 Text: hello
-- step 2
WITH w AS (
  UPDATE "data"."user" t0
  SET "name" = $1, "updated_at" = now()
  WHERE t0."id" = $2
  RETURNING t0.*
)
SELECT t0."id"
FROM w t0
-- $1 Text: Bo
-- $2 Uuid: 0190a1b2-0000-7000-8000-000000000002
-- step 3
WITH w AS (
  UPDATE "data"."post" t0
  SET "views" = $1, "updated_at" = now()
  WHERE t0."id" = $2
  RETURNING t0.*
)
SELECT t0."id"
FROM w t0
-- $1 Integer: 1
-- $2 Uuid: 0190a1b2-0000-7000-8000-000000000001
-- step 4
DELETE FROM "data"."comment" t0
WHERE t0."post_id" = $1 AND t0."id" = $2
RETURNING t0."id"
-- $1 Uuid: 0190a1b2-0000-7000-8000-000000000001
-- $2 Uuid: 0190a1b2-0000-7000-8000-000000000003
-- step 5
DELETE FROM "data"."comment" t0
WHERE t0."post_id" = $1 AND t0."body" LIKE $2 ESCAPE '\'
RETURNING t0."id"
-- $1 Uuid: 0190a1b2-0000-7000-8000-000000000001
-- $2 Text: %spam%
-- step 6
WITH w AS (
  UPDATE "data"."comment" t0
  SET "body" = $1, "updated_at" = now()
  WHERE t0."post_id" = $2 AND t0."id" = $3
  RETURNING t0.*
)
SELECT t0."id"
FROM w t0
-- $1 Text: edited
-- $2 Uuid: 0190a1b2-0000-7000-8000-000000000001
-- $3 Uuid: 0190a1b2-0000-7000-8000-000000000004
-- step 7
WITH w AS (
  UPDATE "data"."comment" t0
  SET "body" = $1, "updated_at" = now()
  WHERE t0."post_id" = $2
  RETURNING t0.*
)
SELECT t0."id" FROM w t0
-- $1 Text: all
-- $2 Uuid: 0190a1b2-0000-7000-8000-000000000001
-- step 8
SELECT (SELECT t0."id" FROM "data"."tag" t0 WHERE t0."label" = $1) AS c0,
  (SELECT t1."id" FROM "data"."tag" t1 WHERE t1."id" = $2) AS c1
-- $1 Text: a
-- $2 Uuid: 0190a1b2-0000-7000-8000-000000000006
-- step 9
DELETE FROM "data"."post_tags" m0
WHERE m0."post_id" = $1 AND m0."tag_id" <> ALL($2)
-- $1 Uuid: 0190a1b2-0000-7000-8000-000000000001
-- $2 Uuid[]: {0190a1b2-0000-7000-8000-000000000005, 0190a1b2-0000-7000-8000-000000000006}
-- step 10
INSERT INTO "data"."post_tags" ("post_id", "tag_id")
SELECT $1, unnest($2)
ON CONFLICT DO NOTHING
-- $1 Uuid: 0190a1b2-0000-7000-8000-000000000001
-- $2 Uuid[]: {0190a1b2-0000-7000-8000-000000000005, 0190a1b2-0000-7000-8000-000000000006}
-- step 11
DELETE FROM "data"."post_tags" m0
WHERE m0."post_id" = $1 AND m0."tag_id" IN (SELECT t0."id" FROM "data"."tag" t0 WHERE t0."label" = $2)
RETURNING m0."tag_id"
-- $1 Uuid: 0190a1b2-0000-7000-8000-000000000001
-- $2 Text: c
