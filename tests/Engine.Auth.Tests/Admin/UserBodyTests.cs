using System.Text;
using Engine.Auth.Admin;

namespace Engine.Auth.Tests.Admin;

public sealed class UserBodyTests
{
    [Fact]
    public void Parse_FullUser_ReadsEveryPart()
    {
        var (body, errors) = UserBody.Parse(Bytes("""
            {"username":"ada","password":"long enough","roles":["accountant"],"claims":{"tenant":"acme"},"disabled":true}
            """), null);

        Assert.Empty(errors);
        Assert.Equal("ada", body!.Username);
        Assert.Equal("long enough", body.Password);
        Assert.Equal(["accountant"], body.Roles);
        Assert.True(body.Disabled);
    }

    [Fact]
    public void Parse_OtherNameThanUrl_ReportsUsername()
    {
        var (_, errors) = UserBody.Parse(Bytes("""{"username":"bob"}"""), "ada");

        Assert.Equal("username", Assert.Single(errors).Path);
    }

    [Fact]
    public void Parse_ShortPasswordAndBadRole_ReportsBoth()
    {
        var (_, errors) = UserBody.Parse(Bytes("""{"username":"ada","password":"short","roles":["ok",7]}"""), null);

        Assert.Equal(["password", "roles[1]"], errors.Select(e => e.Path));
    }

    private static byte[] Bytes(string json) => Encoding.UTF8.GetBytes(json);
}
