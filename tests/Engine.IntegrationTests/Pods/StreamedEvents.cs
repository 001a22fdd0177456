using System.Text.Json;
using Engine.Testing;
using NATS.Client.Core;
using NATS.Client.JetStream;

namespace Engine.IntegrationTests.Pods;

/// <summary>What reached the <c>ENGINE_EVENTS</c> stream, compared with what the pods' outbox recorded.</summary>
internal static class StreamedEvents
{
    /// <summary>One stream message: its <c>Nats-Msg-Id</c> and the CloudEvent's id and subject (the record id).</summary>
    public sealed record Message(string MsgId, string EventId, string RecordId, string Type);

    /// <summary>One outbox row, in commit order per record.</summary>
    public sealed record Recorded(string EventId, string RecordId);

    /// <summary>Waits until the pods delivered every outbox row; fails with the pods' output after <paramref name="timeout"/>.</summary>
    public static async Task WaitUntilDeliveredAsync(PodCluster cluster, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (await PendingAsync(cluster.Database) > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"{await PendingAsync(cluster.Database)} outbox rows still undelivered after {timeout.TotalSeconds} s\n{cluster.OutputTails()}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Undelivered outbox rows.</summary>
    public static async Task<long> PendingAsync(PostgresDatabase database) =>
        (long)(await database.ScalarAsync("SELECT count(*) FROM engine_meta.outbox WHERE delivered_at IS NULL"))!;

    /// <summary>Delivered outbox rows.</summary>
    public static async Task<long> DeliveredAsync(PostgresDatabase database) =>
        (long)(await database.ScalarAsync("SELECT count(*) FROM engine_meta.outbox WHERE delivered_at IS NOT NULL"))!;

    /// <summary>Every outbox row in seq order (which is commit order for the rows of one record).</summary>
    public static async Task<List<Recorded>> RecordedAsync(PostgresDatabase database)
    {
        await using var command = database.DataSource.CreateCommand("SELECT event_id::text, record_id::text FROM engine_meta.outbox ORDER BY seq");
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Recorded>();
        while (await reader.ReadAsync())
        {
            rows.Add(new Recorded(reader.GetString(0), reader.GetString(1)));
        }

        return rows;
    }

    /// <summary>Every message of the stream, in stream order.</summary>
    public static async Task<List<Message>> ReadAsync(string natsUrl)
    {
        await using var connection = new NatsConnection(new NatsOpts { Url = natsUrl });
        var jetStream = new NatsJSContext(connection);
        var consumer = await jetStream.CreateOrderedConsumerAsync("ENGINE_EVENTS");
        var messages = new List<Message>();
        while (true)
        {
            var before = messages.Count;
            await foreach (var message in consumer.FetchNoWaitAsync<byte[]>(new NatsJSFetchOpts { MaxMsgs = 1000 }))
            {
                using var cloudEvent = JsonDocument.Parse(message.Data);
                var root = cloudEvent.RootElement;
                messages.Add(new Message(
                    message.Headers?["Nats-Msg-Id"].ToString() ?? "",
                    root.GetProperty("id").GetString()!,
                    root.GetProperty("subject").GetString()!,
                    root.GetProperty("type").GetString()!));
            }

            if (messages.Count == before)
            {
                return messages;
            }
        }
    }

    /// <summary>
    /// The stream holds every recorded event exactly once (no loss, duplicates removed), each with its id as
    /// <c>Nats-Msg-Id</c>, and each record's events in the order the outbox recorded them.
    /// </summary>
    public static void AssertExactlyOnceInRecordOrder(IReadOnlyList<Recorded> recorded, IReadOnlyList<Message> streamed)
    {
        Assert.All(streamed, m => Assert.Equal(m.EventId, m.MsgId));
        var missing = recorded.Select(r => r.EventId).Except(streamed.Select(m => m.EventId)).ToArray();
        Assert.True(missing.Length == 0, $"{missing.Length} of {recorded.Count} recorded events are not in the stream");
        var duplicates = streamed.GroupBy(m => m.EventId).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        Assert.True(duplicates.Length == 0, $"{duplicates.Length} events are in the stream more than once");
        Assert.Equal(recorded.Count, streamed.Count);
        foreach (var record in recorded.GroupBy(r => r.RecordId))
        {
            var expected = record.Select(r => r.EventId).ToArray();
            var actual = streamed.Where(m => m.RecordId == record.Key).Select(m => m.EventId).ToArray();
            Assert.Equal(expected, actual);
        }
    }
}
