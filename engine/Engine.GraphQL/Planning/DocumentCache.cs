using System.Collections.Concurrent;
using Engine.GraphQL.Errors;
using GraphQLParser.AST;

namespace Engine.GraphQL.Planning;

/// <summary>
/// Parsed and validated documents by (metadata version, role set, query text), so a repeated query skips parsing and
/// validation. Bounded: past <see cref="Capacity"/> entries the least recently used quarter is dropped, and very
/// large documents are not kept at all. A new metadata version simply misses and refills. The role set is part of the
/// key because each role set validates against its own schema (<see cref="Schema.GraphQLModel.SchemaFor(string?, IReadOnlyList{string})"/>).
/// </summary>
public sealed class DocumentCache
{
    /// <summary>Queries longer than this (in characters) are parsed every time rather than kept.</summary>
    public const int MaxCachedQueryLength = 32 * 1024;

    private readonly ConcurrentDictionary<(long Version, string? RoleSet, string Query), Entry> entries = new();
    private readonly Lock trimLock = new();
    private long clock;

    /// <summary>Builds a cache holding up to <paramref name="capacity"/> documents.</summary>
    public DocumentCache(int capacity = 1000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    /// <summary>The most documents kept at once.</summary>
    public int Capacity { get; }

    /// <summary>How many documents are kept now.</summary>
    public int Count => entries.Count;

    /// <summary>
    /// The cached document of <paramref name="query"/> under <paramref name="version"/> for the role set
    /// <paramref name="roleSet"/> (a <see cref="Schema.Roles.RoleSetKey"/>; null for admin), made by <paramref name="load"/> on a miss.
    /// </summary>
    public CachedDocument GetOrAdd(long version, string? roleSet, string query, Func<string, CachedDocument> load)
    {
        var now = Interlocked.Increment(ref clock);
        if (entries.TryGetValue((version, roleSet, query), out var hit))
        {
            Volatile.Write(ref hit.LastUsed, now);
            return hit.Document;
        }

        var document = load(query);
        if (query.Length <= MaxCachedQueryLength)
        {
            entries.TryAdd((version, roleSet, query), new Entry(document, now));
            if (entries.Count > Capacity)
            {
                Trim();
            }
        }

        return document;
    }

    private void Trim()
    {
        lock (trimLock)
        {
            var excess = entries.Count - (Capacity * 3 / 4);
            if (entries.Count <= Capacity || excess <= 0)
            {
                return;
            }

            foreach (var stale in entries.OrderBy(e => Volatile.Read(ref e.Value.LastUsed)).Take(excess).ToArray())
            {
                entries.TryRemove(stale.Key, out _);
            }
        }
    }

    private sealed class Entry(CachedDocument document, long lastUsed)
    {
        public readonly CachedDocument Document = document;
        public long LastUsed = lastUsed;
    }
}
