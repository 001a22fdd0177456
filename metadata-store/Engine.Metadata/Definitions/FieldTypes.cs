namespace Engine.Metadata.Definitions;

/// <summary>The field type names of the metadata format (SPEC §1).</summary>
public static class FieldTypes
{
    public const string String = "String";
    public const string Int = "Int";
    public const string Long = "Long";
    public const string Float = "Float";
    public const string Decimal = "Decimal";
    public const string Boolean = "Boolean";
    public const string DateTime = "DateTime";
    public const string Date = "Date";
    public const string Json = "Json";
    public const string Enum = "Enum";
    public const string Relation = "Relation";

    /// <summary>Every type name a field may declare.</summary>
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        String, Int, Long, Float, Decimal, Boolean, DateTime, Date, Json, Enum, Relation,
    };
}
