using Engine.Query.Plans;

namespace Engine.Grpc.Listing;

/// <summary>
/// A List request made into plan inputs: <see cref="Arguments"/> asks for one page of a connection, whose
/// <c>pageInfo.hasNextPage</c> tells whether a next page token is due.
/// </summary>
/// <param name="Arguments">Filter, sort keys, <c>First</c> = page size and the <c>After</c> cursor of the page token.</param>
/// <param name="PageSize">How many rows the response holds at most.</param>
/// <param name="Fingerprint">What a next page token must be bound to.</param>
public sealed record ListRequestPlan(ListArguments Arguments, int PageSize, ListFingerprint Fingerprint)
{
    /// <summary>The <c>next_page_token</c> after the last row returned, given that row's cursor (the connection's <c>endCursor</c>) as the SQL compiler emits it.</summary>
    public string NextPageToken(string lastRowCursor) => PageToken.Encode(Fingerprint, lastRowCursor);
}
