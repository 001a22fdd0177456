-- createSchema
CREATE SCHEMA IF NOT EXISTS "data";
-- createTable
CREATE TABLE IF NOT EXISTS "data"."author" ("id" uuid NOT NULL, "created_at" timestamptz NOT NULL DEFAULT now(), "updated_at" timestamptz NOT NULL DEFAULT now(), "name" text NOT NULL, "email" text, CONSTRAINT "author_pkey" PRIMARY KEY ("id"), CONSTRAINT "author_name_check" CHECK (char_length("name") <= 80), CONSTRAINT "author_email_key" UNIQUE ("email"));
-- createTrigger
CREATE TRIGGER "engine_outbox" AFTER INSERT OR UPDATE OR DELETE ON "data"."author" FOR EACH ROW EXECUTE FUNCTION "engine_meta"."record_changed"('Author');
-- createTable
CREATE TABLE IF NOT EXISTS "data"."book" ("id" uuid NOT NULL, "created_at" timestamptz NOT NULL DEFAULT now(), "updated_at" timestamptz NOT NULL DEFAULT now(), "title" text NOT NULL, "pages" integer, "status" text DEFAULT 'DRAFT', "author_id" uuid, CONSTRAINT "book_pkey" PRIMARY KEY ("id"), CONSTRAINT "book_pages_check" CHECK ("pages" >= 1), CONSTRAINT "book_status_check" CHECK ("status" IN ('DRAFT', 'OUT')));
-- createTrigger
CREATE TRIGGER "engine_outbox" AFTER INSERT OR UPDATE OR DELETE ON "data"."book" FOR EACH ROW EXECUTE FUNCTION "engine_meta"."record_changed"('Book');
-- createTable
CREATE TABLE IF NOT EXISTS "data"."tag" ("id" uuid NOT NULL, "created_at" timestamptz NOT NULL DEFAULT now(), "updated_at" timestamptz NOT NULL DEFAULT now(), "label" text, CONSTRAINT "tag_pkey" PRIMARY KEY ("id"), CONSTRAINT "tag_label_key" UNIQUE ("label"));
-- createTrigger
CREATE TRIGGER "engine_outbox" AFTER INSERT OR UPDATE OR DELETE ON "data"."tag" FOR EACH ROW EXECUTE FUNCTION "engine_meta"."record_changed"('Tag');
-- createJoinTable
CREATE TABLE IF NOT EXISTS "data"."book_tags" ("book_id" uuid NOT NULL, "tag_id" uuid NOT NULL, CONSTRAINT "book_tags_pkey" PRIMARY KEY ("book_id", "tag_id"), CONSTRAINT "book_tags_book_id_fkey" FOREIGN KEY ("book_id") REFERENCES "data"."book" ("id") ON DELETE CASCADE, CONSTRAINT "book_tags_tag_id_fkey" FOREIGN KEY ("tag_id") REFERENCES "data"."tag" ("id") ON DELETE CASCADE);
-- addForeignKey
ALTER TABLE "data"."book" ADD CONSTRAINT "book_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "data"."author" ("id") ON DELETE CASCADE;
-- createIndex
CREATE INDEX IF NOT EXISTS "book_author_id_idx" ON "data"."book" ("author_id");
-- createIndex
CREATE INDEX IF NOT EXISTS "book_status_title_idx" ON "data"."book" ("status", "title");
-- createIndex
CREATE INDEX IF NOT EXISTS "book_tags_tag_id_idx" ON "data"."book_tags" ("tag_id");
