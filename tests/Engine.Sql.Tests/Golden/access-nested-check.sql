SELECT t0."id"
FROM "data"."post" t0
WHERE t0."id" = ANY($1) AND (EXISTS (SELECT 1 FROM "data"."user" t1 WHERE t1."id" = t0."author_id" AND t1."id" = $2)) IS NOT TRUE
LIMIT 1
-- $1 Uuid[]: {0190a1b2-0000-7000-8000-000000000001}
-- $2 Uuid: 0190a1b2-0000-7000-8000-0000000000a1
