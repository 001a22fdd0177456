namespace Engine.Metadata.Model;

/// <summary>A protobuf enum value number and the Enum field value it was given to (per resource and field).</summary>
/// <param name="Number">The number, 1 or more (0 is the field's <c>_UNSPECIFIED</c> value).</param>
/// <param name="Value">The value as declared in the metadata (<c>PAID</c>).</param>
public sealed record EnumValueNumber(int Number, string Value);
