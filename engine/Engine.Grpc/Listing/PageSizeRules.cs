namespace Engine.Grpc.Listing;

/// <summary>
/// <c>page_size</c> per AIP-158: 0 means <paramref name="Default"/>, a negative size is an error, and a size above
/// <paramref name="Max"/> (Engine:MaxPageSize) is lowered to it.
/// </summary>
public sealed record PageSizeRules(int Default = 50, int Max = 1000)
{
    /// <summary>The protobuf name of the request field violations point at.</summary>
    public const string FieldName = "page_size";

    /// <summary>The rules the engine uses unless configured otherwise.</summary>
    public static readonly PageSizeRules Standard = new();

    /// <summary>The page size to serve for <paramref name="requested"/>, or the violation.</summary>
    public (int PageSize, FieldViolation? Error) Resolve(int requested) => requested switch
    {
        < 0 => (0, new FieldViolation(FieldName, $"page_size must not be negative (got {requested}); use 0 for the default of {Default}.")),
        0 => (Math.Min(Default, Max), null),
        _ => (Math.Min(requested, Max), null),
    };
}
