using System.Data.Common;

namespace Engine.Dialects;

/// <summary>
/// Runs a whole transaction again when the database aborted it as a serialization failure (SQLSTATE <c>40001</c>,
/// which CockroachDB returns for any conflict it cannot resolve itself), after an exponentially growing, jittered
/// pause, at most <see cref="MaxAttempts"/> times in all. Other errors, and the last attempt's failure, propagate.
/// </summary>
/// <remarks>
/// The delegate must be one complete transaction (open, run, commit): a 40001 means the database rolled it back, so
/// running it again from the start is safe. Ids and values are fixed before the first attempt (plans carry their ids),
/// so every attempt writes the same thing.
/// </remarks>
public sealed class TransactionRetryPolicy
{
    /// <summary>SQLSTATE serialization_failure.</summary>
    public const string SerializationFailure = "40001";

    private readonly Func<TimeSpan, CancellationToken, Task> delay;
    private readonly Func<double> random;

    /// <summary>A policy of <paramref name="maxAttempts"/> attempts whose n-th pause is at most <paramref name="firstDelay"/>·2ⁿ⁻¹, capped at <paramref name="maxDelay"/>.</summary>
    /// <param name="maxAttempts">Attempts in all, the first included (1: never retry).</param>
    /// <param name="firstDelay">The upper bound of the pause before the first retry.</param>
    /// <param name="maxDelay">The cap of every pause.</param>
    /// <param name="delay">How a pause is waited (tests record it instead); <see cref="Task.Delay(TimeSpan, CancellationToken)"/> by default.</param>
    /// <param name="random">A value in [0, 1) per pause (tests fix it); <see cref="Random.Shared"/> by default.</param>
    public TransactionRetryPolicy(
        int maxAttempts, TimeSpan firstDelay, TimeSpan maxDelay, Func<TimeSpan, CancellationToken, Task>? delay = null, Func<double>? random = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxAttempts);
        ArgumentOutOfRangeException.ThrowIfLessThan(firstDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDelay, firstDelay);
        MaxAttempts = maxAttempts;
        FirstDelay = firstDelay;
        MaxDelay = maxDelay;
        this.delay = delay ?? Task.Delay;
        this.random = random ?? Random.Shared.NextDouble;
    }

    /// <summary>One attempt, no retry (PostgreSQL, whose read-committed transactions do not fail this way).</summary>
    public static TransactionRetryPolicy None { get; } = new(1, TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>CockroachDB's: 8 attempts, pauses from up to 20 ms doubling to at most 1 s (about 2.5 s in the worst case).</summary>
    public static TransactionRetryPolicy Cockroach { get; } = new(8, TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(1));

    /// <summary>Attempts in all, the first included.</summary>
    public int MaxAttempts { get; }

    /// <summary>The upper bound of the pause before the first retry.</summary>
    public TimeSpan FirstDelay { get; }

    /// <summary>The cap of every pause.</summary>
    public TimeSpan MaxDelay { get; }

    /// <summary>True when <paramref name="exception"/> (or an exception it wraps) is a serialization failure.</summary>
    public static bool IsRetryable(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException { SqlState: SerializationFailure })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The pause before retry number <paramref name="retry"/> (1 for the first): half of the exponential bound plus a
    /// random share of the other half ("equal jitter"), so pods that collided do not collide again in step.
    /// </summary>
    public TimeSpan PauseBefore(int retry)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(retry);
        var bound = Math.Min(MaxDelay.TotalMilliseconds, FirstDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retry - 1, 30)));
        return TimeSpan.FromMilliseconds((bound / 2) + (random() * bound / 2));
    }

    /// <summary>Runs <paramref name="transaction"/>, again after a pause while it fails with a serialization failure and attempts remain.</summary>
    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await transaction(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (attempt < MaxAttempts && IsRetryable(e) && !cancellationToken.IsCancellationRequested)
            {
                await delay(PauseBefore(attempt), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Runs <paramref name="transaction"/> as <see cref="ExecuteAsync{T}"/> does, for a transaction without a result.</summary>
    public Task ExecuteAsync(Func<CancellationToken, Task> transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return ExecuteAsync(async token =>
        {
            await transaction(token).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }
}
