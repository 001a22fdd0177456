using Engine.Metadata.Model;
using Engine.Metadata.Naming;

namespace Engine.Grpc.Descriptors;

/// <summary>
/// The field numbers and message field names a resource's message must keep reserved: those of removed fields,
/// so a client compiled against an older version never misreads a newer message. The metadata store records them
/// per resource and the model carries them (<see cref="ResourceModel.RemovedFields"/>); <see cref="Of"/> turns them
/// into these. Names are message field names (snake_case, e.g. <c>old_total</c> or <c>customer_id</c>).
/// </summary>
/// <param name="Numbers">Numbers no current field may use.</param>
/// <param name="Names">Message field names to reserve; a name a current field uses again is left out.</param>
public sealed record ReservedFields(IReadOnlyList<int> Numbers, IReadOnlyList<string> Names)
{
    /// <summary>Nothing reserved.</summary>
    public static ReservedFields None { get; } = new([], []);

    /// <summary>
    /// The removed fields of <paramref name="resource"/>. The store keeps only a removed field's name, not its type,
    /// so its name is reserved in the scalar form (<c>oldTotal</c> → <c>old_total</c>); a removed relation's number
    /// is reserved all the same, its <c>_id</c>/<c>_ids</c> name is not.
    /// </summary>
    public static ReservedFields Of(ResourceModel resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var removed = resource.RemovedFields;
        return removed.Count == 0
            ? None
            : new ReservedFields(removed.Select(f => f.Number).ToArray(), removed.Select(f => ProtoNames.ScalarField(f.Name)).ToArray());
    }
}
