namespace Engine.Metadata.Model;

/// <summary>A field the resource once had: its protobuf number and name stay reserved so old clients never misread.</summary>
/// <param name="Number">The protobuf field number it was given.</param>
/// <param name="Name">The field's name in the metadata (camelCase), as it was when the number was given.</param>
public sealed record RemovedField(int Number, string Name);
