using System.Security.Cryptography;
using Engine.Auth.Server;
using OpenIddict.Abstractions;

namespace Engine.Auth.Tests.Server;

public class ConsentTicketTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);
    private static readonly Guid User = Guid.NewGuid();

    [Fact]
    public void Verify_TicketOfTheSameRequest_ReturnsTheUser()
    {
        var ticket = ConsentTicket.Issue(Key, User, Request(), Now);

        Assert.Equal(User, ConsentTicket.Verify(Key, ticket, Request(), Now.AddMinutes(9)));
    }

    [Fact]
    public void Verify_AfterLifetime_ReturnsNull()
    {
        var ticket = ConsentTicket.Issue(Key, User, Request(), Now);

        Assert.Null(ConsentTicket.Verify(Key, ticket, Request(), Now + ConsentTicket.Lifetime + TimeSpan.FromSeconds(1)));
    }

    [Theory]
    [InlineData("scope")]
    [InlineData("redirect_uri")]
    [InlineData("client_id")]
    [InlineData("code_challenge")]
    [InlineData("state")]
    public void Verify_RequestChangedAfterIssue_ReturnsNull(string parameter)
    {
        var ticket = ConsentTicket.Issue(Key, User, Request(), Now);
        var altered = Request();
        altered.SetParameter(parameter, "something-else");

        Assert.Null(ConsentTicket.Verify(Key, ticket, altered, Now));
    }

    [Fact]
    public void Verify_OtherKeyOrOtherUser_ReturnsNull()
    {
        var ticket = ConsentTicket.Issue(Key, User, Request(), Now);
        var otherUser = Guid.NewGuid().ToString("N") + ticket[32..];

        Assert.Null(ConsentTicket.Verify(RandomNumberGenerator.GetBytes(32), ticket, Request(), Now));
        Assert.Null(ConsentTicket.Verify(Key, otherUser, Request(), Now));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-ticket")]
    [InlineData("a.b.c")]
    [InlineData("00000000000000000000000000000000.99999999999.%%%")]
    public void Verify_Malformed_ReturnsNull(string ticket) =>
        Assert.Null(ConsentTicket.Verify(Key, ticket, Request(), Now));

    private static OpenIddictRequest Request() => new()
    {
        ClientId = "reporting",
        RedirectUri = "https://reporting.example/cb",
        Scope = "openid offline_access",
        CodeChallenge = "challenge",
        CodeChallengeMethod = "S256",
        ResponseType = "code",
        State = "state-1",
    };
}
