using System.Text;
using Engine.GraphQL.WebSockets;

namespace Engine.GraphQL.Tests.WebSockets;

public class ClientMessageTests
{
    [Theory]
    [InlineData("""{"type":"connection_init","payload":{"Authorization":"Bearer abc.def"}}""", "abc.def")]
    [InlineData("""{"type":"connection_init","payload":{"authorization":"bearer abc.def"}}""", "abc.def")]
    [InlineData("""{"type":"connection_init","payload":{"authToken":"abc.def"}}""", "abc.def")]
    [InlineData("""{"type":"connection_init","payload":{}}""", null)]
    [InlineData("""{"type":"connection_init"}""", null)]
    public void Parse_ConnectionInit_ReadsTheTokenOfThePayload(string frame, string? token)
    {
        var message = ClientMessage.Parse(Encoding.UTF8.GetBytes(frame), out var error);

        Assert.Null(error);
        Assert.Equal(ClientMessage.ConnectionInit, message!.Type);
        Assert.Equal(token, message.Token);
    }

    [Theory]
    [InlineData("""{"type":"connection_init","payload":{"Authorization":"abc.def"}}""", "payload.Authorization")]
    [InlineData("""{"type":"connection_init","payload":{"Authorization":42}}""", "payload.Authorization")]
    [InlineData("""{"type":"connection_init","payload":{"authToken":""}}""", "payload.authToken")]
    public void Parse_ConnectionInitWithAMalformedToken_IsAnErrorNamingTheField(string frame, string field)
    {
        var message = ClientMessage.Parse(Encoding.UTF8.GetBytes(frame), out var error);

        Assert.Null(message);
        Assert.Contains(field, error, StringComparison.Ordinal);
    }
}
