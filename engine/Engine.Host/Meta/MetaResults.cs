using System.Text.Json;
using Engine.Metadata.Json;
using Engine.Metadata.Validation;
using Engine.MetadataStore.Planning;
using Engine.MetadataStore;

namespace Engine.Host.Meta;

/// <summary>The metadata API's JSON answers: definitions, plans, history and <c>{"errors":[{"path","message"}]}</c>.</summary>
internal static class MetaResults
{
    private static readonly JsonSerializerOptions Options = MetadataJson.Options;

    public static IResult Json<T>(T value) => Results.Json(value, Options);

    public static IResult Errors(int status, string path, string message) =>
        Errors(status, [new ValidationError(path, message)]);

    public static IResult Errors(int status, IReadOnlyList<ValidationError> errors) =>
        Results.Json(new ErrorBody(errors.Select(e => new ErrorEntry(e.Path, e.Message)).ToArray()), Options, statusCode: status);

    public static IResult History(IReadOnlyList<VersionInfo> versions) =>
        Results.Json(new HistoryBody(versions.Select(v => new HistoryEntry(v.Version, v.CreatedAt, v.Author, v.Summary)).ToArray()), Options);

    /// <summary>Maps a change's outcome to SPEC §2's status codes: 200, 400, 404, 409 or 412.</summary>
    public static IResult Change(ChangeResult result) => result.Status switch
    {
        ChangeStatus.Applied or ChangeStatus.DryRun =>
            Results.Json(new ChangeBody(result.Version, result.Plan.Steps, result.Status == ChangeStatus.DryRun, null), Options),
        ChangeStatus.ValidationFailed => Errors(StatusCodes.Status400BadRequest, result.Errors),
        ChangeStatus.PreconditionFailed => Errors(StatusCodes.Status412PreconditionFailed, "If-Match",
            result.Message ?? $"the metadata is at version {result.Version}; read it again and retry"),
        ChangeStatus.NotFound => Errors(StatusCodes.Status404NotFound, "name", result.Message ?? "there is no such resource"),
        ChangeStatus.DestructiveRefused => Results.Json(
            new ChangeBody(result.Version, result.Plan.Steps, false,
                [new ErrorEntry(result.Plan.DestructiveSteps.FirstOrDefault()?.Path ?? "",
                    result.Message ?? "the change needs destructive steps; repeat it with allowDestructive=true to allow them")]),
            Options, statusCode: StatusCodes.Status409Conflict),
        _ => Results.Json(
            new ChangeBody(result.Version, result.Plan.Steps, false,
                [new ErrorEntry(result.FailedStep?.Path ?? "", result.Message ?? "the change could not be applied")]),
            Options, statusCode: StatusCodes.Status409Conflict),
    };

    private sealed record ErrorEntry(
        [property: System.Text.Json.Serialization.JsonPropertyName("path")] string Path,
        [property: System.Text.Json.Serialization.JsonPropertyName("message")] string Message);

    private sealed record ErrorBody(
        [property: System.Text.Json.Serialization.JsonPropertyName("errors")] IReadOnlyList<ErrorEntry> Errors);

    private sealed record ChangeBody(
        [property: System.Text.Json.Serialization.JsonPropertyName("version")] long Version,
        [property: System.Text.Json.Serialization.JsonPropertyName("plan")] IReadOnlyList<MigrationStep> Plan,
        [property: System.Text.Json.Serialization.JsonPropertyName("dryRun")] bool DryRun,
        [property: System.Text.Json.Serialization.JsonPropertyName("errors")] IReadOnlyList<ErrorEntry>? Errors);

    private sealed record HistoryEntry(
        [property: System.Text.Json.Serialization.JsonPropertyName("version")] long Version,
        [property: System.Text.Json.Serialization.JsonPropertyName("time")] DateTimeOffset Time,
        [property: System.Text.Json.Serialization.JsonPropertyName("author")] string Author,
        [property: System.Text.Json.Serialization.JsonPropertyName("summary")] string Summary);

    private sealed record HistoryBody(
        [property: System.Text.Json.Serialization.JsonPropertyName("versions")] IReadOnlyList<HistoryEntry> Versions);
}
