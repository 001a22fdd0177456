using System.Diagnostics;
using Engine.Testing;

namespace Engine.IntegrationTests.Subscriptions;

/// <summary>
/// A subscriber that cannot keep up (its buffer holds one event here) is dropped with an error for its subscription;
/// the writers never wait for it, and the connection goes on serving.
/// </summary>
public sealed class SlowSubscriberTests(SlowSubscriberEngine engine) : IClassFixture<SlowSubscriberEngine>
{
    [Fact]
    public async Task Subscribe_BurstOfWritesWhileNotReading_WritesFinishAndTheSubscriptionGetsAnError()
    {
        var name = UniqueNames.Resource("Tick");
        var field = char.ToLowerInvariant(name[0]) + name[1..];
        await engine.DefineAsync(name, $$"""{ "name": "{{name}}", "fields": [ { "name": "n", "type": "Int" } ] }""");
        using var client = await engine.ConnectAsync();
        await client.SubscribeAsync("slow", $"subscription {{ {field} {{ mutation node {{ id n }} }} }}");
        await engine.WaitForSubscribersAsync(name);

        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 60; i++)
        {
            await engine.QueryAsync($$"""mutation { create{{name}}(data: { n: {{i}} }) { id } }""");
        }

        var updated = await engine.QueryAsync($$"""mutation { updateMany{{name}}s(data: { n: 0 }) { count } }""");
        clock.Stop();
        Assert.Equal("60", updated[$"updateMany{name}s"]!["count"]!.GetValue<string>());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"61 writes took {clock.Elapsed}");

        string? type;
        System.Text.Json.JsonElement message;
        do
        {
            message = await client.ReceiveAsync();
            type = message.GetProperty("type").GetString();
        }
        while (type == "next");

        Assert.Equal("error", type);
        Assert.Equal("slow", message.GetProperty("id").GetString());
        Assert.Contains("fell too far behind", message.GetProperty("payload")[0].GetProperty("message").GetString(), StringComparison.Ordinal);

        // The connection goes on serving: a subscription to another resource (whose feed the burst never touched) works.
        var other = UniqueNames.Resource("Tock");
        var otherField = char.ToLowerInvariant(other[0]) + other[1..];
        await engine.DefineAsync(other, $$"""{ "name": "{{other}}", "fields": [ { "name": "n", "type": "Int" } ] }""");
        await client.SubscribeAsync("again", $"subscription {{ {otherField} {{ mutation }} }}");
        await engine.WaitForSubscribersAsync(other);
        await engine.QueryAsync($$"""mutation { create{{other}}(data: { n: 99 }) { id } }""");
        Assert.Equal("""{"id":"again","type":"next","payload":{"data":{""" + $"\"{otherField}\"" + """:{"mutation":"CREATED"}}}}""",
            await client.ReceiveTextAsync());
    }
}
