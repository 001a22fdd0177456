WITH w AS (
  INSERT INTO "data"."post" ("id", "created_at", "updated_at", "title", "meta", "author_id")
  VALUES ($1, now(), now(), $2, $3, $4)
  RETURNING *
)
SELECT json_build_object('id', t0."id", 'author', j1.j)
FROM w t0
LEFT JOIN LATERAL (
  SELECT json_build_object('name', t1."name") AS j
  FROM "data"."user" t1
  WHERE t1."id" = t0."author_id"
) j1 ON true
-- $1 Uuid: 0190a1b2-0000-7000-8000-000000000001
-- $2 Text: Hello
-- $3 Jsonb: {"a":1}
-- $4 Uuid: 0190a1b2-0000-7000-8000-000000000002
