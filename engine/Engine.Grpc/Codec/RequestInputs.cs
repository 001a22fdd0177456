using Engine.Metadata.Model;
using Engine.Query.Plans;

namespace Engine.Grpc.Codec;

/// <summary>A decoded <c>Get&lt;R&gt;Request</c>.</summary>
/// <param name="Id">The record's id.</param>
/// <param name="ReadMask">The fields to return; null for all.</param>
public sealed record GetRequestInput(Guid Id, IReadOnlyList<FieldModel>? ReadMask);

/// <summary>A decoded <c>List&lt;Rs&gt;Request</c>; filter, order and token are raw text for the serving layer to parse.</summary>
/// <param name="PageSize">Requested page size; 0 means the server's default.</param>
/// <param name="PageToken">Opaque token of the previous page; empty for the first.</param>
/// <param name="Filter">AIP-160 filter text; empty for all records.</param>
/// <param name="OrderBy">AIP-132 order text; empty for the default order.</param>
/// <param name="ReadMask">The fields to return; null for all.</param>
public sealed record ListRequestInput(int PageSize, string PageToken, string Filter, string OrderBy, IReadOnlyList<FieldModel>? ReadMask);

/// <summary>A decoded <c>Create&lt;R&gt;Request</c>.</summary>
/// <param name="Id">The id the client chose, or null to let the engine make one.</param>
/// <param name="Data">The values to insert.</param>
public sealed record CreateRequestInput(Guid? Id, WriteData Data);

/// <summary>A decoded <c>Update&lt;R&gt;Request</c>.</summary>
/// <param name="Id">The record to update (the message's <c>id</c>).</param>
/// <param name="Data">The values to write: the fields present (no mask), or exactly the masked ones.</param>
public sealed record UpdateRequestInput(Guid Id, WriteData Data);

/// <summary>A decoded <c>Delete&lt;R&gt;Request</c>.</summary>
/// <param name="Id">The record to delete.</param>
public sealed record DeleteRequestInput(Guid Id);
