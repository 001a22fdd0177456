-- dropForeignKey
ALTER TABLE "data"."book" DROP CONSTRAINT IF EXISTS "book_author_id_fkey";
-- dropJoinTable (destructive)
DROP TABLE IF EXISTS "data"."book_tags";
-- dropCheck
ALTER TABLE "data"."book" DROP CONSTRAINT IF EXISTS "book_pages_check";
-- dropColumn (destructive)
ALTER TABLE "data"."book" DROP COLUMN IF EXISTS "status";
-- dropTable (destructive)
DROP TABLE IF EXISTS "data"."tag";
-- addColumn
ALTER TABLE "data"."book" ADD COLUMN IF NOT EXISTS "isbn" text;
-- alterColumnType
ALTER TABLE "data"."book" ALTER COLUMN "pages" TYPE bigint USING "pages"::bigint;
-- dropNotNull
ALTER TABLE "data"."book" ALTER COLUMN "title" DROP NOT NULL;
-- setDefault
ALTER TABLE "data"."book" ALTER COLUMN "pages" SET DEFAULT 1;
-- setNotNull
ALTER TABLE "data"."book" ALTER COLUMN "pages" SET NOT NULL;
-- addUnique
ALTER TABLE "data"."book" ADD CONSTRAINT "book_isbn_key" UNIQUE ("isbn");
-- addForeignKey
ALTER TABLE "data"."book" ADD CONSTRAINT "book_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "data"."author" ("id") ON DELETE SET NULL;
