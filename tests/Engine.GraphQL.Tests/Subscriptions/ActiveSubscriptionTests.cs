using System.Text.Json;
using Engine.GraphQL.Tests.Planning;
using Engine.Query.Errors;
using Engine.Query.Filters;
using Engine.Query.Plans;
using Engine.Runtime.Events;

namespace Engine.GraphQL.Tests.Subscriptions;

public sealed class ActiveSubscriptionTests : IDisposable
{
    private const string Everything = """
        subscription { post { mutation node { id title } updatedFields previousValues { title views __typename } __typename } }
        """;

    private static readonly Guid RecordId = Guid.Parse("0192f0c1-0000-7000-8000-000000000001");

    private readonly SubscriptionFixture fixture = new();

    [Fact]
    public async Task RunAsync_CreatedEvent_SendsTheNodeReadByIdAndNoPreviousValues()
    {
        fixture.Plans.Returns("node", $$"""{"id":"{{RecordId}}","title":"Hello"}""");
        var (subscription, running) = fixture.Start(Everything);

        fixture.Feed.Publish(InMemoryRecordEventFeed.PostEvent(RecordAction.Created, RecordId, Record("Hello", 1)));

        Assert.Equal(
            """{"id":"1","type":"next","payload":{"data":{"post":{"mutation":"CREATED","node":{"id":""" + $"\"{RecordId}\""
            + ""","title":"Hello"},"updatedFields":null,"previousValues":null,"__typename":"PostSubscriptionPayload"}}}}""",
            await fixture.Sink.NextTextAsync());
        var plan = Assert.IsType<FindUniquePlan>(Assert.Single(Assert.Single(fixture.Plans.Calls).Plans));
        Assert.Equal(new ComparisonFilter(PlanningFixture.Post.Id, ComparisonOperator.Equal, RecordId), plan.Where);
        Assert.Same(PlanningFixture.Post, plan.Resource);
        await StopAsync(subscription, running);
    }

    [Fact]
    public async Task RunAsync_UpdatedEvent_SendsUpdatedFieldsAndPreviousValuesFromTheEvent()
    {
        fixture.Plans.Returns("node", $$"""{"id":"{{RecordId}}","title":"After"}""");
        var (subscription, running) = fixture.Start(Everything);

        fixture.Feed.Publish(InMemoryRecordEventFeed.PostEvent(RecordAction.Updated, RecordId, Record("After", 2), Record("Before", 1), "title", "views"));

        var post = (await fixture.Sink.NextAsync()).GetProperty("payload").GetProperty("data").GetProperty("post");
        Assert.Equal("UPDATED", post.GetProperty("mutation").GetString());
        Assert.Equal("After", post.GetProperty("node").GetProperty("title").GetString());
        Assert.Equal(["title", "views"], post.GetProperty("updatedFields").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("""{"title":"Before","views":1,"__typename":"PostPreviousValues"}""", post.GetProperty("previousValues").GetRawText());
        await StopAsync(subscription, running);
    }

    [Fact]
    public async Task RunAsync_DeletedEvent_NodeIsNullAndPreviousValuesAreTheDeletedRecord()
    {
        var (subscription, running) = fixture.Start(Everything);

        fixture.Feed.Publish(InMemoryRecordEventFeed.PostEvent(RecordAction.Deleted, RecordId, Record("Gone", 3)));

        var post = (await fixture.Sink.NextAsync()).GetProperty("payload").GetProperty("data").GetProperty("post");
        Assert.Equal("DELETED", post.GetProperty("mutation").GetString());
        Assert.Equal(JsonValueKind.Null, post.GetProperty("node").ValueKind);
        Assert.Equal("""{"title":"Gone","views":3,"__typename":"PostPreviousValues"}""", post.GetProperty("previousValues").GetRawText());
        Assert.Empty(fixture.Plans.Calls);
        await StopAsync(subscription, running);
    }

    [Fact]
    public async Task RunAsync_AliasesAndNoNode_WritesTheResponseKeysWithoutReadingTheDatabase()
    {
        var (subscription, running) = fixture.Start("subscription { p: post { kind: mutation changed: updatedFields } }");

        fixture.Feed.Publish(InMemoryRecordEventFeed.PostEvent(RecordAction.Updated, RecordId, Record("A", 1), Record("B", 1), "title"));

        Assert.Equal("""{"id":"1","type":"next","payload":{"data":{"p":{"kind":"UPDATED","changed":["title"]}}}}""", await fixture.Sink.NextTextAsync());
        Assert.Empty(fixture.Plans.Calls);
        await StopAsync(subscription, running);
    }

    [Fact]
    public async Task RunAsync_FilterOnMutationAndNode_SendsOnlyMatchingEvents()
    {
        var (subscription, running) = fixture.Start("""
            subscription { post(where: { mutation_in: [CREATED, DELETED], node: { views_gt: 10 } }) { mutation previousValues { views } } }
            """);

        fixture.Feed.Publish(InMemoryRecordEventFeed.PostEvent(RecordAction.Created, RecordId, Record("a", 5)));
        fixture.Feed.Publish(InMemoryRecordEventFeed.PostEvent(RecordAction.Updated, RecordId, Record("a", 50), Record("a", 5), "views"));
        fixture.Feed.Publish(InMemoryRecordEventFeed.PostEvent(RecordAction.Deleted, RecordId, Record("a", 50)));

        var post = (await fixture.Sink.NextAsync()).GetProperty("payload").GetProperty("data").GetProperty("post");
        Assert.Equal("DELETED", post.GetProperty("mutation").GetString());
        Assert.Equal(50, post.GetProperty("previousValues").GetProperty("views").GetInt32());
        await StopAsync(subscription, running);
    }

    [Fact]
    public async Task RunAsync_NodeReadFails_SendsANullNodeWithTheErrorAtItsPath()
    {
        fixture.Plans.Fails("node", new EngineError(ErrorCode.Unavailable, "The database is not available."));
        var (subscription, running) = fixture.Start("subscription { post { mutation node { title } } }");

        fixture.Feed.Publish(InMemoryRecordEventFeed.PostEvent(RecordAction.Created, RecordId, Record("x", 1)));

        var payload = (await fixture.Sink.NextAsync()).GetProperty("payload");
        Assert.Equal(JsonValueKind.Null, payload.GetProperty("data").GetProperty("post").GetProperty("node").ValueKind);
        var error = Assert.Single(payload.GetProperty("errors").EnumerateArray());
        Assert.Equal("UNAVAILABLE", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("""["post","node"]""", error.GetProperty("path").GetRawText());
        await StopAsync(subscription, running);
    }

    [Fact]
    public async Task RunAsync_FeedDropsASlowSubscriber_SendsAnErrorAndEnds()
    {
        var (_, running) = fixture.Start("subscription { post { mutation } }");

        fixture.Feed.Fail("Post", new SubscriberTooSlowException("Post"));

        var message = await fixture.Sink.NextAsync();
        Assert.Equal("error", message.GetProperty("type").GetString());
        var error = Assert.Single(message.GetProperty("payload").EnumerateArray());
        Assert.Contains("fell too far behind", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("UNAVAILABLE", error.GetProperty("extensions").GetProperty("code").GetString());
        await running.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task MetadataChanged_ResourceRemoved_SendsNotFoundAndEnds()
    {
        var (subscription, running) = fixture.Start("subscription { post { mutation } }");
        var removed = SubscriptionFixture.Snapshot(8, withoutBlog: true);
        fixture.Snapshots.TrySwap(removed);

        subscription.MetadataChanged(removed);

        var message = await fixture.Sink.NextAsync();
        Assert.Equal("error", message.GetProperty("type").GetString());
        var error = Assert.Single(message.GetProperty("payload").EnumerateArray());
        Assert.Equal("NOT_FOUND", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("Post was removed", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        await running.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, fixture.Feed.SubscriberCount("Post"));
    }

    [Fact]
    public async Task RunAsync_EventAfterTheResourceWasRemoved_SendsNotFoundInsteadOfTheEvent()
    {
        var (_, running) = fixture.Start("subscription { post { mutation } }");
        fixture.Snapshots.TrySwap(SubscriptionFixture.Snapshot(8, withoutBlog: true));

        fixture.Feed.Publish(InMemoryRecordEventFeed.PostEvent(RecordAction.Created, RecordId, Record("x", 1)));

        var message = await fixture.Sink.NextAsync();
        Assert.Equal("error", message.GetProperty("type").GetString());
        await running.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task RunAsync_NewerVersionKeepsTheResource_ReplansAndReadsWithTheNewModel()
    {
        fixture.Plans.Returns("node", """{"title":"x"}""");
        var (subscription, running) = fixture.Start("subscription { post { node { title } } }");
        var newer = SubscriptionFixture.Snapshot(8);
        fixture.Snapshots.TrySwap(newer);
        subscription.MetadataChanged(newer);

        fixture.Feed.Publish(InMemoryRecordEventFeed.PostEvent(RecordAction.Created, RecordId, Record("x", 1)));

        Assert.Equal("""{"id":"1","type":"next","payload":{"data":{"post":{"node":{"title":"x"}}}}}""", await fixture.Sink.NextTextAsync());
        var plan = Assert.IsType<FindUniquePlan>(Assert.Single(Assert.Single(fixture.Plans.Calls).Plans));
        Assert.Same(newer.Model.Resource("Post"), plan.Resource);
        await StopAsync(subscription, running);
    }

    [Fact]
    public async Task Stop_ClientCompleted_EndsWithoutAnyMessageAndUnsubscribes()
    {
        var (subscription, running) = fixture.Start("subscription { post { mutation } }");

        await StopAsync(subscription, running);
        fixture.Feed.Publish(InMemoryRecordEventFeed.PostEvent(RecordAction.Created, RecordId, Record("x", 1)));

        Assert.True(fixture.Sink.IsEmpty);
        Assert.Equal(0, fixture.Feed.SubscriberCount("Post"));
    }

    /// <inheritdoc/>
    public void Dispose() => fixture.Dispose();

    private static async Task StopAsync(Engine.GraphQL.Subscriptions.ActiveSubscription subscription, Task running)
    {
        subscription.Stop();
        await running.WaitAsync(TimeSpan.FromSeconds(10));
        subscription.Dispose();
    }

    /// <summary>A Post record in the event JSON shape (API field names, Engine.Sql value forms).</summary>
    private static string Record(string title, int views) => $$"""
        {"id":"{{RecordId}}","createdAt":"2026-01-02T03:04:05.000000Z","updatedAt":"2026-01-02T03:04:05.000000Z","title":"{{title}}","slug":null,"views":{{views}},"rating":null,"price":"1.50","sequence":"7","state":"DRAFT","publishedOn":null,"author":null,"editor":"0192f0c1-0000-7000-8000-00000000000a"}
        """;
}
