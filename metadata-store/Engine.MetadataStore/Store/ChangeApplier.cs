using Engine.Dialects;
using Engine.Metadata.Definitions;
using Engine.Metadata.Model;
using Engine.Metadata.Naming;
using Engine.Metadata.Validation;
using Engine.MetadataStore.Planning;
using Engine.MetadataStore.Schema;
using Npgsql;

namespace Engine.MetadataStore.Store;

/// <summary>
/// Runs one metadata change in one transaction: lock, read, check, number, validate, plan, run the DDL, record the
/// version, notify, commit. Whatever fails or is refused rolls back, so no table exists without its version row
/// and no version row without its tables.
/// </summary>
internal sealed class ChangeApplier(NpgsqlDataSource dataSource, string dataSchema)
{
    // DDL waits for the table locks of running queries; waiting longer than this fails the change (retryable).
    private const string DdlLockTimeout = "10s";

    public async Task<ChangeResult> ApplyAsync(MetadataChange change, StoredMetadata? known, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // A second change waits here until the first commits, then sees its version.
        await StoreCommands.ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock($1)", cancellationToken, AdvisoryLocks.MetadataChange).ConfigureAwait(false);
        var prepared = await PrepareAsync(connection, transaction, dataSchema, change, known, SqlDialect.Postgres, cancellationToken).ConfigureAwait(false);
        if (prepared.Outcome is { } outcome)
        {
            return outcome;
        }

        var plan = prepared.Plan;
        await StoreCommands.ExecuteAsync(connection, transaction, $"SET LOCAL lock_timeout = '{DdlLockTimeout}'", cancellationToken).ConfigureAwait(false);
        foreach (var step in plan.Steps)
        {
            try
            {
                await StoreCommands.ExecuteAsync(connection, transaction, step.Sql, cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException error)
            {
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                return prepared.Failed(step, error);
            }
        }

        var next = prepared.Version + 1;
        var numbering = prepared.Numbering;
        var createdAt = await MetadataWriter.WriteVersionAsync(
            connection, transaction, next, change.Author, prepared.Summary, prepared.Changes, numbering.NewNumbers, numbering.NewEnumNumbers, true, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return prepared.Applied(createdAt);
    }

    /// <summary>
    /// Everything before the DDL, in the caller's transaction (holding the caller's lock): read, check, number,
    /// validate, plan in <paramref name="dialect"/>'s DDL, refuse what must be refused. The result is either the
    /// final outcome or the change ready to run.
    /// </summary>
    internal static async Task<PreparedChange> PrepareAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string dataSchema, MetadataChange change, StoredMetadata? known,
        SqlDialect dialect, CancellationToken cancellationToken)
    {
        var version = await MetadataReader.CurrentVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        var current = known is not null && known.Version == version
            ? known
            : await MetadataReader.LoadAsync(connection, transaction, cancellationToken).ConfigureAwait(false);

        if (change.IfMatch is { } expected && expected != version)
        {
            return PreparedChange.Final(Refused(ChangeStatus.PreconditionFailed, version, $"The metadata is at version {version}, not {expected}; reload it and try again."));
        }

        var target = TargetDefinitions.Of(change, current);
        if (target.Refusal is { } refusal)
        {
            return PreparedChange.Final(Refused(refusal, version, target.Message));
        }

        if (change is DeleteResource { Force: false } delete
            && await MetadataReader.TableHasRowsAsync(connection, transaction, dataSchema, NameConventions.ToSnakeCase(delete.Name), cancellationToken).ConfigureAwait(false))
        {
            return PreparedChange.Final(Refused(ChangeStatus.Conflict, version, $"{delete.Name} has records; delete with force to drop them with its table."));
        }

        var numbering = await NumberAsync(connection, transaction, target.Definitions, current, cancellationToken).ConfigureAwait(false);
        var errors = Validate(change, numbering.Definitions);
        if (errors.Count > 0)
        {
            return PreparedChange.Final(new ChangeResult { Status = ChangeStatus.ValidationFailed, Version = version, Errors = errors, Message = "The metadata is not valid." });
        }

        var changes = ChangeSet.Between(current, numbering.Definitions);
        if (changes.IsEmpty)
        {
            return PreparedChange.Final(new ChangeResult { Status = ChangeStatus.Applied, Version = version, Metadata = current, Message = "Nothing changed." });
        }

        var from = SchemaModelBuilder.Build(version, current.Definitions, dataSchema);
        var to = SchemaModelBuilder.Build(version + 1, numbering.Definitions, dataSchema);
        var plan = MigrationPlanner.Plan(from, to, dialect);
        if (change.DryRun)
        {
            return PreparedChange.Final(new ChangeResult { Status = ChangeStatus.DryRun, Version = version, Plan = plan, Message = "Dry run: nothing changed." });
        }

        // A delete has its own guard (rows, relations, force) and is destructive by nature.
        if (plan.IsDestructive && !change.AllowDestructive && change is not DeleteResource)
        {
            return PreparedChange.Final(new ChangeResult
            {
                Status = ChangeStatus.DestructiveRefused,
                Version = version,
                Plan = plan,
                Message = $"The change needs {plan.DestructiveSteps.Count} destructive step(s) that can lose data; allow destructive changes to run them.",
            });
        }

        // Only CockroachDB can be left half-way (its steps are not one transaction), so only it needs the way back.
        var undo = dialect == SqlDialect.Cockroach ? MigrationPlanner.Plan(to, from, dialect) : MigrationPlan.Empty;
        return new PreparedChange(change, version, current, numbering, changes, plan, undo, ChangeSummary.Describe(change, changes));
    }

    private static ChangeResult Refused(ChangeStatus status, long version, string? message) =>
        new() { Status = status, Version = version, Message = message };

    private static IReadOnlyList<ValidationError> Validate(MetadataChange change, IReadOnlyList<ResourceDefinition> definitions) => change switch
    {
        PutResource put => MetadataValidator.ValidateResource(definitions.First(d => d.Name == put.Definition.Name), definitions),
        _ => MetadataValidator.Validate(definitions),
    };

    private static async Task<Numbering> NumberAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<ResourceDefinition> definitions, StoredMetadata current, CancellationToken cancellationToken)
    {
        // Definitions taken over unchanged from the store are numbered already.
        var touched = definitions.Where(d => !ReferenceEquals(current.Resource(d.Name)?.Definition, d)).Select(d => d.Name).Distinct(StringComparer.Ordinal).ToArray();
        var everUsed = touched.Length == 0
            ? []
            : await MetadataReader.FieldNumbersAsync(connection, transaction, touched, cancellationToken).ConfigureAwait(false);
        var enumEverUsed = touched.Length == 0
            ? []
            : await MetadataReader.EnumValueNumbersAsync(connection, transaction, touched, cancellationToken).ConfigureAwait(false);

        var numbered = new List<ResourceDefinition>(definitions.Count);
        var newNumbers = new List<(string Resource, FieldNumber Number)>();
        var newEnumNumbers = new List<(string Resource, string Field, EnumValueNumber Number)>();
        foreach (var definition in definitions)
        {
            var stored = current.Resource(definition.Name)?.Definition;
            if (ReferenceEquals(stored, definition))
            {
                numbered.Add(definition);
                continue;
            }

            var used = everUsed.GetValueOrDefault(definition.Name) ?? [];
            var result = FieldNumbering.Number(definition, stored, used);
            numbered.Add(result.Definition);
            foreach (var number in result.NewNumbers)
            {
                newNumbers.Add((definition.Name, number));
                used.Add(number);
            }

            everUsed[definition.Name] = used;

            if (!enumEverUsed.TryGetValue(definition.Name, out var enumUsed))
            {
                enumEverUsed[definition.Name] = enumUsed = new Dictionary<string, List<EnumValueNumber>>(StringComparer.Ordinal);
            }

            newEnumNumbers.AddRange(EnumValueNumberAssignment.Assign(result.Definition, stored, enumUsed).Select(n => (definition.Name, n.Field, n.Number)));
        }

        return new Numbering(numbered, newNumbers, everUsed, newEnumNumbers, enumEverUsed);
    }

    internal static StoredMetadata NextMetadata(StoredMetadata current, ChangeSet changes, Numbering numbering, long version, DateTimeOffset createdAt)
    {
        var changed = changes.Resources.ToDictionary(r => r.Name, StringComparer.Ordinal);
        var resources = new List<StoredResource>(current.Resources.Count + 1);
        foreach (var resource in current.Resources)
        {
            if (!changed.TryGetValue(resource.Name, out var change))
            {
                resources.Add(resource);
            }
            else if (change.Definition is { } definition)
            {
                resources.Add(Stored(definition));
            }
        }

        resources.AddRange(changes.Created.Select(c => Stored(c.Definition!)));
        return new StoredMetadata(version, resources);

        StoredResource Stored(ResourceDefinition definition) => new(
            definition, version, createdAt, MetadataReader.Reserved(definition, numbering.EverUsed.GetValueOrDefault(definition.Name) ?? []))
        {
            EnumValueNumbers = MetadataReader.EnumValueNumbersOf(numbering.EnumEverUsed.GetValueOrDefault(definition.Name)),
        };
    }

    /// <summary>
    /// The numbered definitions, the field and enum value numbers given for the first time, and every number each
    /// touched resource used.
    /// </summary>
    internal sealed record Numbering(
        IReadOnlyList<ResourceDefinition> Definitions,
        IReadOnlyList<(string Resource, FieldNumber Number)> NewNumbers,
        Dictionary<string, List<FieldNumber>> EverUsed,
        IReadOnlyList<(string Resource, string Field, EnumValueNumber Number)> NewEnumNumbers,
        Dictionary<string, Dictionary<string, List<EnumValueNumber>>> EnumEverUsed);
}
