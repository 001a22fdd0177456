namespace Engine.Auth.Admin;

/// <summary>One problem of a request body, at a JSON path (<c>roles[1]</c>), as the metadata API reports them.</summary>
/// <param name="Path">Where the problem is.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
internal sealed record BodyError(string Path, string Message);
