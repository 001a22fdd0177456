namespace Engine.Query.Plans;

/// <summary>A value of a <c>Json</c> field as JSON text, so SQL binds it as <c>jsonb</c> rather than text.</summary>
/// <param name="Text">Valid JSON.</param>
public sealed record JsonText(string Text);
