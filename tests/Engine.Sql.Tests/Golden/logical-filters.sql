SELECT coalesce(json_agg(json_build_object('id', t0."id") ORDER BY t0."id"), '[]'::json)
FROM "data"."post" t0
WHERE (t0."status" = ANY($1) AND (t0."title" = $2) IS NOT TRUE) OR (t0."views" IS NOT NULL AND t0."views" <> ALL($3)) OR t0."id" = ANY($4) OR t0."slug" IS NULL OR t0."slug" IS NOT NULL
-- $1 Text[]: {DRAFT}
-- $2 Text: x
-- $3 Integer[]: {1}
-- $4 Uuid[]: {}
