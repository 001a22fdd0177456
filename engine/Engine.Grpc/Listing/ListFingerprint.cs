namespace Engine.Grpc.Listing;

/// <summary>
/// What a page token is bound to (AIP-158: a token may only continue the same query): the resource, its total sort
/// order and a hash of the filter text. Build it with <see cref="PageToken.Fingerprint"/>.
/// </summary>
/// <param name="Resource">The listed resource's name.</param>
/// <param name="Order">The sort keys as <c>CursorCodec.OrderToken</c> writes them, <c>id</c> included.</param>
/// <param name="Filter">A hash of the <c>filter</c> text.</param>
public readonly record struct ListFingerprint(string Resource, string Order, string Filter);
