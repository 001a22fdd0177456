using Engine.Metadata.Model;

namespace Engine.GraphQL.Schema;

/// <summary>The scalar types every schema has: GraphQL's five and the engine's Long, Decimal, DateTime, Date and Json.</summary>
public static class ScalarTypes
{
    public const string Id = "ID";
    public const string String = "String";
    public const string Int = "Int";
    public const string Float = "Float";
    public const string Boolean = "Boolean";
    public const string Long = "Long";
    public const string Decimal = "Decimal";
    public const string DateTime = "DateTime";
    public const string Date = "Date";
    public const string Json = "Json";

    /// <summary>Every scalar in the order the schema lists them.</summary>
    public static readonly IReadOnlyList<GqlScalarType> All =
    [
        new(Id, "A record's identity: a UUID in its canonical text form."),
        new(String, "UTF-8 text."),
        new(Int, "A signed 32-bit integer."),
        new(Float, "A double-precision floating-point number."),
        new(Boolean, "true or false."),
        new(Long, "A signed 64-bit integer, written as a JSON string (JSON numbers lose precision past 2^53); input also accepts an integer."),
        new(Decimal, "An exact decimal number, written as a JSON string such as \"12.50\"; input also accepts a number."),
        new(DateTime, "An instant as an ISO 8601 date-time with an offset, written in UTC (e.g. 2024-05-01T12:30:00Z).",
            "https://www.rfc-editor.org/rfc/rfc3339"),
        new(Date, "A calendar date as YYYY-MM-DD.", "https://www.rfc-editor.org/rfc/rfc3339#section-5.6"),
        new(Json, "Any JSON value.", "https://www.rfc-editor.org/rfc/rfc8259"),
    ];

    /// <summary>The names GraphQL itself defines; the SDL printer leaves them out.</summary>
    public static bool IsSpecified(string name) => name is Id or String or Int or Float or Boolean;

    /// <summary>The GraphQL scalar of a non-enum scalar kind (to-one relations are <see cref="ScalarKind.Id"/>).</summary>
    public static string NameOf(ScalarKind kind) => kind switch
    {
        ScalarKind.Id => Id,
        ScalarKind.String => String,
        ScalarKind.Int => Int,
        ScalarKind.Long => Long,
        ScalarKind.Float => Float,
        ScalarKind.Decimal => Decimal,
        ScalarKind.Boolean => Boolean,
        ScalarKind.DateTime => DateTime,
        ScalarKind.Date => Date,
        ScalarKind.Json => Json,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "enum fields have a generated enum type"),
    };
}
