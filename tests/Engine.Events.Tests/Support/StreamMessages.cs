using Engine.Events.Publishing;
using NATS.Client.Core;
using NATS.Client.JetStream;

namespace Engine.Events.Tests.Support;

/// <summary>Reads what the <c>ENGINE_EVENTS</c> stream holds for a subject filter.</summary>
internal static class StreamMessages
{
    public static async Task<List<INatsJSMsg<byte[]>>> ReadAsync(NatsConnection connection, string filterSubject)
    {
        var jetStream = new NatsJSContext(connection);
        INatsJSConsumer consumer;
        try
        {
            consumer = await jetStream.CreateOrderedConsumerAsync(
                JetStreamEventPublisher.StreamName, new NatsJSOrderedConsumerOpts { FilterSubjects = [filterSubject] });
        }
        catch (NatsJSApiException e) when (e.Error.Code == 404)
        {
            // The relay creates the stream with its first publish, which may not have happened yet.
            return [];
        }

        var messages = new List<INatsJSMsg<byte[]>>();
        while (true)
        {
            var before = messages.Count;
            await foreach (var message in consumer.FetchNoWaitAsync<byte[]>(new NatsJSFetchOpts { MaxMsgs = 1000 }))
            {
                messages.Add(message);
            }

            if (messages.Count == before)
            {
                return messages;
            }
        }
    }

    /// <summary>Reads until <paramref name="count"/> messages are there (the relay runs in the background).</summary>
    public static async Task<List<INatsJSMsg<byte[]>>> ReadAtLeastAsync(NatsConnection connection, string filterSubject, int count, int timeoutSeconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (true)
        {
            var messages = await ReadAsync(connection, filterSubject);
            if (messages.Count >= count || DateTime.UtcNow > deadline)
            {
                return messages;
            }

            await Task.Delay(200);
        }
    }
}
