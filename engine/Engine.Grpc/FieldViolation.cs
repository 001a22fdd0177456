namespace Engine.Grpc;

/// <summary>One bad part of a request: the protobuf field path and what is wrong (a <c>google.rpc.BadRequest</c> field violation).</summary>
/// <param name="Field">The path, e.g. <c>post.title</c>, <c>update_mask.paths[1]</c> or <c>filter</c>.</param>
/// <param name="Description">A sentence for the client; for text arguments it names the 0-based character offset.</param>
public sealed record FieldViolation(string Field, string Description);
