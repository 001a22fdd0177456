namespace Engine.MetadataStore;

/// <summary>A protobuf field number and the name of the field it was given to.</summary>
/// <param name="Number">The number.</param>
/// <param name="Field">The field's name (protobuf reserves removed names too).</param>
public sealed record FieldNumber(int Number, string Field);
