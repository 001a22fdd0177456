SELECT json_build_object('id', t0."id", 'title', t0."title", 'views', t0."views", 'price', t0."price"::text, 'big', t0."big"::text, 'publishedAt', to_char(t0."published_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), 'day', t0."day", 'meta', t0."meta", '__typename', 'Post')
FROM "data"."post" t0
WHERE t0."id" = $1
-- $1 Uuid: 0190a1b2-0000-7000-8000-000000000001
