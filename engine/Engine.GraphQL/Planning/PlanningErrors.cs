using Engine.GraphQL.Errors;
using Engine.Query.Errors;
using GraphQLParser;
using GraphQLParser.AST;
using Location = GraphQLParser.Location;

namespace Engine.GraphQL.Planning;

/// <summary>
/// Collects the input errors of one operation, so a client learns about every bad input at once. Errors carry the
/// response path and document location of the field being planned, and the input path of the offending value.
/// </summary>
internal sealed class PlanningErrors(ROM source)
{
    private static readonly string BadUserInput = ErrorCodes.Name(ErrorCode.BadUserInput);

    private readonly List<GraphQLError> errors = [];

    /// <summary>The response path of the field whose arguments are being planned, if any.</summary>
    public IReadOnlyList<object>? ResponsePath { get; set; }

    /// <summary>The document node errors point at, if any.</summary>
    public ASTNode? Node { get; set; }

    /// <summary>How many errors were reported so far.</summary>
    public int Count => errors.Count;

    /// <summary>Every error reported.</summary>
    public IReadOnlyList<GraphQLError> All => errors;

    /// <summary>Points errors at the field at <paramref name="responsePath"/> until the returned scope is disposed.</summary>
    public FieldScope At(IReadOnlyList<object>? responsePath, ASTNode? node)
    {
        var scope = new FieldScope(this, ResponsePath, Node);
        ResponsePath = responsePath;
        Node = node;
        return scope;
    }

    /// <summary>Reports a <c>BAD_USER_INPUT</c> error about the value at <paramref name="field"/>.</summary>
    public void BadInput(string message, InputPath? field = null) =>
        errors.Add(new GraphQLError(message, BadUserInput, LocationsOf(Node), ResponsePath, field?.ToString()));

    /// <summary>Reports a <c>BAD_USER_INPUT</c> error about a document node.</summary>
    public void BadInput(string message, ASTNode node) =>
        errors.Add(new GraphQLError(message, BadUserInput, LocationsOf(node), ResponsePath));


    private Errors.GraphQLLocation[]? LocationsOf(ASTNode? node)
    {
        if (node is null || source.IsEmpty || (node.Location.Start == 0 && node.Location.End == 0))
        {
            return null;
        }

        var location = Location.FromLinearPosition(source, node.Location.Start);
        return [new Errors.GraphQLLocation(location.Line, location.Column)];
    }
}

/// <summary>Restores the field errors pointed at before <see cref="PlanningErrors.At"/>.</summary>
internal readonly struct FieldScope(PlanningErrors errors, IReadOnlyList<object>? responsePath, ASTNode? node) : IDisposable
{
    /// <inheritdoc/>
    public void Dispose()
    {
        errors.ResponsePath = responsePath;
        errors.Node = node;
    }
}
