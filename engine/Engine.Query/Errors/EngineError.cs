namespace Engine.Query.Errors;

/// <summary>
/// An expected failure, safe to show a client: never SQL text or a stack trace.
/// </summary>
/// <param name="Code">What kind of failure.</param>
/// <param name="Message">A sentence for the client.</param>
/// <param name="Field">The offending input, as a path (e.g. <c>data.email</c>), when there is one.</param>
public sealed record EngineError(ErrorCode Code, string Message, string? Field = null);

/// <summary>Carries an <see cref="EngineError"/> through layers that cannot return it.</summary>
public sealed class EngineException(EngineError error) : Exception(error.Message)
{
    /// <summary>The error to report.</summary>
    public EngineError Error { get; } = error;
}
