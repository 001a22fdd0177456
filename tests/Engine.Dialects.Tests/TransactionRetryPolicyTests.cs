using Engine.Dialects;
using Npgsql;

namespace Engine.Dialects.Tests;

public sealed class TransactionRetryPolicyTests
{
    private readonly List<TimeSpan> pauses = [];

    [Fact]
    public async Task ExecuteAsync_SerializationFailureTwice_SucceedsOnTheThirdAttempt()
    {
        var session = new FailingSession(failures: 2, sqlState: "40001");

        var result = await Policy(5).ExecuteAsync(session.CommitAsync, CancellationToken.None);

        Assert.Equal("committed", result);
        Assert.Equal(3, session.Attempts);
        Assert.Equal(2, pauses.Count);
    }

    [Fact]
    public async Task ExecuteAsync_SerializationFailureOnEveryAttempt_StopsAfterMaxAttemptsAndRethrows()
    {
        var session = new FailingSession(failures: int.MaxValue, sqlState: "40001");

        var error = await Assert.ThrowsAsync<PostgresException>(() => Policy(4).ExecuteAsync(session.CommitAsync, CancellationToken.None));

        Assert.Equal("40001", error.SqlState);
        Assert.Equal(4, session.Attempts);
        Assert.Equal(3, pauses.Count);
    }

    [Theory]
    [InlineData("23505")]
    [InlineData("40P01")]
    [InlineData("40003")]
    [InlineData("57P01")]
    public async Task ExecuteAsync_OtherSqlState_IsNotRetried(string sqlState)
    {
        var session = new FailingSession(failures: 1, sqlState: sqlState);

        var error = await Assert.ThrowsAsync<PostgresException>(() => Policy(5).ExecuteAsync(session.CommitAsync, CancellationToken.None));

        Assert.Equal(sqlState, error.SqlState);
        Assert.Equal(1, session.Attempts);
        Assert.Empty(pauses);
    }

    [Fact]
    public async Task ExecuteAsync_NonDatabaseException_IsNotRetried()
    {
        var attempts = 0;

        await Assert.ThrowsAsync<InvalidOperationException>(() => Policy(5).ExecuteAsync(_ =>
        {
            attempts++;
            throw new InvalidOperationException("not a database error");
        }, CancellationToken.None));

        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task ExecuteAsync_NonePolicy_RunsOnceEvenOnSerializationFailure()
    {
        var session = new FailingSession(failures: 1, sqlState: "40001");

        await Assert.ThrowsAsync<PostgresException>(() => TransactionRetryPolicy.None.ExecuteAsync(session.CommitAsync, CancellationToken.None));

        Assert.Equal(1, session.Attempts);
    }

    [Fact]
    public async Task ExecuteAsync_CancelledDuringFailures_StopsRetrying()
    {
        using var cancellation = new CancellationTokenSource();
        var attempts = 0;

        await Assert.ThrowsAsync<PostgresException>(() => Policy(5).ExecuteAsync(_ =>
        {
            attempts++;
            cancellation.Cancel();
            throw SerializationFailure("40001");
        }, cancellation.Token));

        Assert.Equal(1, attempts);
    }

    [Fact]
    public void IsRetryable_WrappedSerializationFailure_IsTrue()
    {
        var wrapped = new InvalidOperationException("outer", SerializationFailure("40001"));

        Assert.True(TransactionRetryPolicy.IsRetryable(wrapped));
        Assert.False(TransactionRetryPolicy.IsRetryable(new InvalidOperationException("outer", SerializationFailure("23505"))));
    }

    [Fact]
    public void PauseBefore_GrowsExponentiallyWithinJitterBoundsAndIsCapped()
    {
        var low = new TransactionRetryPolicy(10, TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(100), random: () => 0);
        var high = new TransactionRetryPolicy(10, TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(100), random: () => 0.999999);

        Assert.Equal(5, low.PauseBefore(1).TotalMilliseconds, 3);
        Assert.Equal(10, high.PauseBefore(1).TotalMilliseconds, 3);
        Assert.Equal(20, low.PauseBefore(3).TotalMilliseconds, 3);
        Assert.Equal(40, high.PauseBefore(3).TotalMilliseconds, 3);
        Assert.Equal(50, low.PauseBefore(9).TotalMilliseconds, 3);
        Assert.Equal(100, high.PauseBefore(9).TotalMilliseconds, 3);
    }

    [Fact]
    public void Cockroach_IsBoundedAndRetries()
    {
        Assert.True(TransactionRetryPolicy.Cockroach.MaxAttempts > 1);
        Assert.True(TransactionRetryPolicy.Cockroach.MaxDelay <= TimeSpan.FromSeconds(1));
    }

    private TransactionRetryPolicy Policy(int attempts) => new(
        attempts,
        TimeSpan.FromMilliseconds(10),
        TimeSpan.FromMilliseconds(80),
        (pause, _) =>
        {
            pauses.Add(pause);
            return Task.CompletedTask;
        },
        () => 0.5);

    private static PostgresException SerializationFailure(string sqlState) =>
        new("restart transaction: TransactionRetryWithProtoRefreshError", "ERROR", "ERROR", sqlState);

    /// <summary>A transaction that fails with <c>sqlState</c> on its first <c>failures</c> attempts, then commits.</summary>
    private sealed class FailingSession(int failures, string sqlState)
    {
        public int Attempts { get; private set; }

        public Task<string> CommitAsync(CancellationToken cancellationToken)
        {
            Attempts++;
            return Attempts <= failures ? throw SerializationFailure(sqlState) : Task.FromResult("committed");
        }
    }
}
