namespace Engine.Grpc.Descriptors;

/// <summary>
/// The field numbers and message field names a resource's message must keep reserved: those of removed fields,
/// so a client compiled against an older version never misreads a newer message. The metadata store records them
/// per resource (<c>StoredResource.ReservedNumbers</c>); the resolved model does not carry them yet, so callers pass
/// them in. Names are message field names (snake_case, e.g. <c>old_total</c> or <c>customer_id</c>).
/// </summary>
/// <param name="Numbers">Numbers no current field may use.</param>
/// <param name="Names">Message field names to reserve; a name a current field uses again is left out.</param>
public sealed record ReservedFields(IReadOnlyList<int> Numbers, IReadOnlyList<string> Names)
{
    /// <summary>Nothing reserved.</summary>
    public static ReservedFields None { get; } = new([], []);
}
