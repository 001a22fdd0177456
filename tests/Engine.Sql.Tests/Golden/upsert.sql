WITH u AS (
  UPDATE "data"."post" t0
  SET "title" = $1, "updated_at" = now()
  WHERE t0."slug" = $2
  RETURNING t0.*
),
i AS (
  INSERT INTO "data"."post" ("id", "created_at", "updated_at", "title", "slug")
  SELECT $3, now(), now(), $4, $5
  WHERE NOT EXISTS (SELECT 1 FROM u)
  RETURNING *
)
SELECT json_build_object('id', t0."id", 'title', t0."title")
FROM (SELECT * FROM u UNION ALL SELECT * FROM i) t0
-- $1 Text: Changed
-- $2 Text: hello
-- $3 Uuid: 0190a1b2-0000-7000-8000-000000000001
-- $4 Text: New
-- $5 Text: hello
