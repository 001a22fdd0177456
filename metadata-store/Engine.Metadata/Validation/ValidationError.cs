namespace Engine.Metadata.Validation;

/// <summary>One problem with metadata, with the JSON path of the offending value (e.g. <c>fields[2].type</c>).</summary>
/// <param name="Path">Path from the resource definition's root; prefixed with <c>resources[i].</c> for whole documents.</param>
/// <param name="Message">What is wrong and, where possible, what would be right.</param>
public sealed record ValidationError(string Path, string Message);
