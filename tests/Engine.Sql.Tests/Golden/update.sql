WITH w AS (
  UPDATE "data"."post" t0
  SET "views" = $1, "author_id" = NULL, "updated_at" = now()
  WHERE t0."slug" = $2
  RETURNING t0.*
)
SELECT json_build_object('id', t0."id", 'updatedAt', to_char(t0."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
FROM w t0
-- $1 Integer: 5
-- $2 Text: hello
