namespace Engine.Metadata.Model;

/// <summary>The storage kind of a scalar field, system fields included.</summary>
public enum ScalarKind
{
    Id,
    String,
    Int,
    Long,
    Float,
    Decimal,
    Boolean,
    DateTime,
    Date,
    Json,
    Enum,
}
