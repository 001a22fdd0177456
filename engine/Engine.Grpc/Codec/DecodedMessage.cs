namespace Engine.Grpc.Codec;

/// <summary>
/// The values of one decoded resource message, indexed like <see cref="MessageLayout.Fields"/>. A present field
/// holds its plan value (null for an explicit "clear": an empty relation id or an UNSPECIFIED enum); to-many
/// fields hold a <see cref="List{Guid}"/>.
/// </summary>
internal sealed class DecodedMessage(int fieldCount)
{
    public object?[] Values { get; } = new object?[fieldCount];

    public bool[] Present { get; } = new bool[fieldCount];
}
