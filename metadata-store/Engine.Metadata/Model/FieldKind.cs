namespace Engine.Metadata.Model;

/// <summary>Whether a field holds a value, points at one record, or at many.</summary>
public enum FieldKind
{
    /// <summary>A column holding a scalar value (system fields included).</summary>
    Scalar,

    /// <summary>A to-one relation: a <c>&lt;field&gt;_id</c> column with a foreign key.</summary>
    ToOne,

    /// <summary>A to-many relation: the other side of a to-one (no column), or a many-to-many through a join table.</summary>
    ToMany,
}
