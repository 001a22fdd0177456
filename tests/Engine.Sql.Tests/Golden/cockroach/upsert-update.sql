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
