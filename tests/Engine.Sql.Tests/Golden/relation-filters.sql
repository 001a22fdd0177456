SELECT coalesce(json_agg(json_build_object('id', t0."id") ORDER BY t0."id"), '[]'::json)
FROM "data"."post" t0
WHERE EXISTS (SELECT 1 FROM "data"."comment" t1 WHERE t1."post_id" = t0."id" AND t1."body" LIKE $1 ESCAPE '\') AND NOT EXISTS (SELECT 1 FROM "data"."comment" t2 WHERE t2."post_id" = t0."id" AND (t2."body" IS DISTINCT FROM $2) IS NOT TRUE) AND NOT EXISTS (SELECT 1 FROM "data"."post_tags" m3 JOIN "data"."tag" t3 ON t3."id" = m3."tag_id" WHERE m3."post_id" = t0."id" AND t3."label" = $3) AND EXISTS (SELECT 1 FROM "data"."user" t4 WHERE t4."id" = t0."author_id" AND EXISTS (SELECT 1 FROM "data"."post" t5 WHERE t5."author_id" = t4."id" AND t5."slug" IS NULL))
-- $1 Text: hi%
-- $2 Text: spam
-- $3 Text: draft
