-- step 1
SELECT t0."id", t0."author_id"
FROM "data"."post" t0
WHERE t0."id" = $1
FOR UPDATE
-- $1 Uuid: 0190a1b2-0000-7000-8000-000000000001
-- step 2
WITH w AS (
  UPDATE "data"."post" t0
  SET "author_id" = NULL, "updated_at" = now()
  WHERE t0."id" = $1
  RETURNING t0.*
)
SELECT t0."id"
FROM w t0
-- $1 Uuid: 0190a1b2-0000-7000-8000-000000000001
-- step 3
DELETE FROM "data"."user" t0
WHERE t0."id" = $1
RETURNING t0."id"
-- $1 Uuid: 0190a1b2-0000-7000-8000-000000000002
-- step 4
SELECT (SELECT t0."id" FROM "data"."comment" t0 WHERE t0."id" = $1) AS c0
-- $1 Uuid: 0190a1b2-0000-7000-8000-000000000003
-- step 5
WITH w AS (
  UPDATE "data"."comment" t0
  SET "post_id" = NULL, "updated_at" = now()
  WHERE t0."post_id" = $1 AND (t0."id" IS NULL OR t0."id" <> ALL($2))
  RETURNING t0.*
)
SELECT t0."id" FROM w t0
-- $1 Uuid: 0190a1b2-0000-7000-8000-000000000001
-- $2 Uuid[]: {0190a1b2-0000-7000-8000-000000000003}
-- step 6
WITH w AS (
  UPDATE "data"."comment" t0
  SET "post_id" = $1, "updated_at" = now()
  WHERE t0."id" = ANY($2)
  RETURNING t0.*
)
SELECT t0."id" FROM w t0
-- $1 Uuid: 0190a1b2-0000-7000-8000-000000000001
-- $2 Uuid[]: {0190a1b2-0000-7000-8000-000000000003}
