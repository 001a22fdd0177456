using Engine.Metadata.Naming;
using Engine.Runtime.Events;

namespace Engine.Events.Conversion;

/// <summary>A resource's NATS subjects and CloudEvents types per action (SPEC §5), built once per resource.</summary>
public sealed class ResourceEventNames
{
    /// <summary>The prefix of every record event subject; <c>engine.events.&gt;</c> matches them all.</summary>
    public const string SubjectPrefix = "engine.events.";

    /// <summary>The wildcard subject of all record events.</summary>
    public const string AllSubjects = SubjectPrefix + ">";

    private readonly string[] subjects;
    private readonly string[] types;

    /// <summary>The names of <paramref name="resource"/> (its metadata name, e.g. <c>InvoiceLine</c>).</summary>
    public ResourceEventNames(string resource)
    {
        Resource = resource;
        var snake = NameConventions.ToSnakeCase(resource);
        subjects = [.. Enum.GetValues<RecordAction>().Select(a => SubjectPrefix + snake + "." + ActionName(a))];
        types = [.. Enum.GetValues<RecordAction>().Select(a => "engine." + snake + "." + ActionName(a))];
    }

    /// <summary>The resource's metadata name.</summary>
    public string Resource { get; }

    /// <summary><c>engine.events.invoice_line.created</c>.</summary>
    public string Subject(RecordAction action) => subjects[(int)action];

    /// <summary><c>engine.invoice_line.created</c>.</summary>
    public string Type(RecordAction action) => types[(int)action];

    /// <summary><c>created</c>, <c>updated</c> or <c>deleted</c>.</summary>
    public static string ActionName(RecordAction action) => action switch
    {
        RecordAction.Created => "created",
        RecordAction.Updated => "updated",
        RecordAction.Deleted => "deleted",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "unknown record action"),
    };

    /// <summary>The action named by the last segment of a subject or type; false for anything else.</summary>
    public static bool TryParseAction(ReadOnlySpan<char> name, out RecordAction action)
    {
        action = default;
        switch (name)
        {
            case "created":
                action = RecordAction.Created;
                return true;
            case "updated":
                action = RecordAction.Updated;
                return true;
            case "deleted":
                action = RecordAction.Deleted;
                return true;
            default:
                return false;
        }
    }
}
