using Engine.Metadata.Definitions;
using Engine.Metadata.Model;

namespace Engine.Sql.Tests.Support;

/// <summary>
/// The resources the tests use: User ← Post (one-to-many author), Post ← Comment (required, cascade), Post ↔ Tag
/// (many-to-many with inverse), and a Post with one field of every scalar type.
/// </summary>
internal static class BlogModel
{
    public static readonly IReadOnlyList<ResourceDefinition> Definitions =
    [
        new ResourceDefinition
        {
            Name = "User",
            Fields =
            [
                new FieldDefinition { Name = "name", Type = "String", Required = true },
                new FieldDefinition { Name = "email", Type = "String", Unique = true },
                new FieldDefinition { Name = "posts", Type = "Relation", Target = "Post", Cardinality = "many", Inverse = "author" },
            ],
        },
        new ResourceDefinition
        {
            Name = "Post",
            Fields =
            [
                new FieldDefinition { Name = "title", Type = "String", Required = true, MaxLength = 200 },
                new FieldDefinition { Name = "slug", Type = "String", Unique = true },
                new FieldDefinition { Name = "views", Type = "Int", Min = 0 },
                new FieldDefinition { Name = "rating", Type = "Float" },
                new FieldDefinition { Name = "price", Type = "Decimal", Precision = 10, Scale = 2 },
                new FieldDefinition { Name = "big", Type = "Long" },
                new FieldDefinition { Name = "published", Type = "Boolean" },
                new FieldDefinition { Name = "publishedAt", Type = "DateTime" },
                new FieldDefinition { Name = "day", Type = "Date" },
                new FieldDefinition { Name = "meta", Type = "Json" },
                new FieldDefinition { Name = "status", Type = "Enum", Values = ["DRAFT", "PUBLISHED"] },
                new FieldDefinition { Name = "author", Type = "Relation", Target = "User", Cardinality = "one", Inverse = "posts", OnDelete = "RESTRICT" },
                new FieldDefinition { Name = "comments", Type = "Relation", Target = "Comment", Cardinality = "many", Inverse = "post" },
                new FieldDefinition { Name = "tags", Type = "Relation", Target = "Tag", Cardinality = "many", Inverse = "posts" },
            ],
        },
        new ResourceDefinition
        {
            Name = "Comment",
            Fields =
            [
                new FieldDefinition { Name = "body", Type = "String", Required = true },
                new FieldDefinition { Name = "post", Type = "Relation", Target = "Post", Cardinality = "one", Required = true, Inverse = "comments", OnDelete = "CASCADE" },
            ],
        },
        new ResourceDefinition
        {
            Name = "Tag",
            Fields =
            [
                new FieldDefinition { Name = "label", Type = "String", Required = true, Unique = true },
                new FieldDefinition { Name = "posts", Type = "Relation", Target = "Post", Cardinality = "many", Inverse = "tags" },
            ],
        },
    ];

    /// <summary>The model with its tables in <paramref name="schema"/>.</summary>
    public static SchemaModel Build(string schema = SchemaModelBuilder.DefaultDataSchema) => SchemaModelBuilder.Build(1, Definitions, schema);

    /// <summary>
    /// Hand-written DDL of <see cref="Definitions"/> in <paramref name="schema"/>, following SchemaModelBuilder's table and
    /// column names and ConstraintNames' constraint names (the migrator is not used here).
    /// </summary>
    public static string Ddl(string schema) => $"""
        CREATE SCHEMA "{schema}";
        CREATE TABLE "{schema}"."user" (
          "id" uuid CONSTRAINT user_pkey PRIMARY KEY,
          "created_at" timestamptz NOT NULL DEFAULT now(),
          "updated_at" timestamptz NOT NULL DEFAULT now(),
          "name" text NOT NULL,
          "email" text CONSTRAINT user_email_key UNIQUE
        );
        CREATE TABLE "{schema}"."post" (
          "id" uuid CONSTRAINT post_pkey PRIMARY KEY,
          "created_at" timestamptz NOT NULL DEFAULT now(),
          "updated_at" timestamptz NOT NULL DEFAULT now(),
          "title" text NOT NULL CONSTRAINT post_title_check CHECK (length("title") <= 200),
          "slug" text CONSTRAINT post_slug_key UNIQUE,
          "views" integer CONSTRAINT post_views_check CHECK ("views" >= 0),
          "rating" double precision,
          "price" numeric(10, 2),
          "big" bigint,
          "published" boolean,
          "published_at" timestamptz,
          "day" date,
          "meta" jsonb,
          "status" text DEFAULT 'DRAFT' CONSTRAINT post_status_check CHECK ("status" IN ('DRAFT', 'PUBLISHED')),
          "author_id" uuid CONSTRAINT post_author_id_fkey REFERENCES "{schema}"."user" ("id") ON DELETE RESTRICT
        );
        CREATE TABLE "{schema}"."comment" (
          "id" uuid CONSTRAINT comment_pkey PRIMARY KEY,
          "created_at" timestamptz NOT NULL DEFAULT now(),
          "updated_at" timestamptz NOT NULL DEFAULT now(),
          "body" text NOT NULL,
          "post_id" uuid NOT NULL CONSTRAINT comment_post_id_fkey REFERENCES "{schema}"."post" ("id") ON DELETE CASCADE
        );
        CREATE TABLE "{schema}"."tag" (
          "id" uuid CONSTRAINT tag_pkey PRIMARY KEY,
          "created_at" timestamptz NOT NULL DEFAULT now(),
          "updated_at" timestamptz NOT NULL DEFAULT now(),
          "label" text NOT NULL CONSTRAINT tag_label_key UNIQUE
        );
        CREATE TABLE "{schema}"."post_tags" (
          "post_id" uuid NOT NULL CONSTRAINT post_tags_post_id_fkey REFERENCES "{schema}"."post" ("id") ON DELETE CASCADE,
          "tag_id" uuid NOT NULL CONSTRAINT post_tags_tag_id_fkey REFERENCES "{schema}"."tag" ("id") ON DELETE CASCADE,
          CONSTRAINT post_tags_pkey PRIMARY KEY ("post_id", "tag_id")
        );
        """;
}
