SELECT coalesce(json_agg(json_build_object('id', t0."id") ORDER BY t0."id"), '[]'::json)
FROM "data"."post" t0
WHERE t0."title" LIKE $1 ESCAPE '\'
-- $1 Text: %50\%\_off\\%
