using System.Text;
using System.Text.Json.Nodes;
using Engine.IntegrationTests.Auth;
using Grpc.Core;

namespace Engine.IntegrationTests.Access.Protocols;

/// <summary>Tokens of callers with given roles and claims, and the raw gRPC calls the protocol access tests make.</summary>
internal static class RoleTokens
{
    private const string Secret = "protocol-access-tests-secret-0123456789";

    /// <summary>The marshaller of raw protobuf bytes.</summary>
    public static readonly Marshaller<byte[]> Bytes = Marshallers.Create(static b => b, static b => b);

    /// <summary>Creates a client (through <c>POST /meta/clients</c> with <paramref name="admin"/>) and returns its client_credentials token.</summary>
    public static async Task<string> CreateAsync(HttpClient admin, string[] roles, IReadOnlyDictionary<string, string>? claims = null)
    {
        var clientId = $"protocols-{Guid.NewGuid():N}"[..26];
        var body = new JsonObject
        {
            ["clientId"] = clientId,
            ["secret"] = Secret,
            ["roles"] = new JsonArray(roles.Select(r => (JsonNode)r).ToArray()),
            ["claims"] = new JsonObject((claims ?? new Dictionary<string, string>()).Select(c => KeyValuePair.Create(c.Key, (JsonNode?)c.Value))),
        };
        using var created = await admin.PostAsync("/meta/clients", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.True(created.IsSuccessStatusCode, $"POST /meta/clients answered {(int)created.StatusCode}: {await created.Content.ReadAsStringAsync()}");
        var (status, token) = await OAuthClient.ClientCredentialsAsync(admin, clientId, Secret);
        Assert.True(token?["access_token"] is not null, $"/connect/token answered {(int)status}: {token?.ToJsonString()}");
        return token!["access_token"]!.GetValue<string>();
    }

    /// <summary>Call options carrying <paramref name="token"/> (none when null) and a deadline.</summary>
    public static CallOptions Options(string? token) =>
        new(token is null ? null : new global::Grpc.Core.Metadata { { "authorization", $"Bearer {token}" } }, DateTime.UtcNow.AddSeconds(30));

    /// <summary>A <c>Get&lt;R&gt;Request</c> for <paramref name="id"/>: <c>string id = 1</c>.</summary>
    public static byte[] GetRequest(string id)
    {
        var bytes = Encoding.ASCII.GetBytes(id);
        return [0x0A, (byte)bytes.Length, .. bytes];
    }

    /// <summary>The unary method <c>&lt;verb&gt;&lt;R&gt;</c> of <paramref name="resource"/>'s service.</summary>
    public static Method<byte[], byte[]> Unary(string resource, string verb) =>
        new(MethodType.Unary, $"engine.data.v1.{resource}Service", verb + resource, Bytes, Bytes);

    /// <summary>The field numbers set in a protobuf message (top level).</summary>
    public static IReadOnlyList<int> FieldNumbers(byte[] message)
    {
        var input = new Google.Protobuf.CodedInputStream(message);
        var numbers = new List<int>();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            numbers.Add(Google.Protobuf.WireFormat.GetTagFieldNumber(tag));
            input.SkipLastField();
        }

        return numbers;
    }
}
