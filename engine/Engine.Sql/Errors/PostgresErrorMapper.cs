using System.Globalization;
using Engine.Metadata.Model;
using Engine.Metadata.Naming;
using Engine.Query.Errors;
using Engine.Query.Plans;
using Npgsql;

namespace Engine.Sql.Errors;

/// <summary>
/// Turns database failures into errors a client may see (SPEC §3), naming the field or relation by reading back the
/// constraint names the migrator gives (<see cref="ConstraintNames"/>). Never copies SQL text or server details
/// other than PostgreSQL's sentence for a rejected value.
/// </summary>
public static class PostgresErrorMapper
{
    /// <summary>The error of an unexpected failure; the real one is logged, never sent.</summary>
    public static readonly EngineError InternalError = new(ErrorCode.Internal, "An internal error occurred.");

    /// <summary>Maps a failure of the statement of <paramref name="plan"/>.</summary>
    public static EngineError Map(Exception exception, SchemaModel model, RootPlan? plan) =>
        Map(exception, model, new Subject(plan is null ? null : ResourceOf(plan), plan is CreatePlan or UpdatePlan or UpsertPlan or UpdateManyPlan,
            field => InputPath(plan, field)));

    /// <summary>
    /// Maps a failure of one statement of a nested write, which writes <paramref name="written"/> with the data at
    /// <paramref name="inputPath"/> (<c>data.comments.create[2]</c>): a field's error names <c>data.comments.create[2].slug</c>.
    /// <paramref name="writesReference"/> is true when the statement inserts or updates rows of <paramref name="written"/>
    /// (so a foreign key failure is a connect to nothing), false when it deletes them.
    /// </summary>
    public static EngineError MapNested(Exception exception, SchemaModel model, ResourceModel written, string inputPath, bool writesReference)
    {
        ArgumentNullException.ThrowIfNull(inputPath);
        return Map(exception, model, new Subject(written, writesReference, field => inputPath + "." + field.Name));
    }

    private static EngineError Map(Exception exception, SchemaModel model, Subject subject)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(model);
        if (exception is not PostgresException pg)
        {
            return exception is NpgsqlException or TimeoutException
                ? new EngineError(ErrorCode.Unavailable, "The database is unavailable; try again later.")
                : InternalError;
        }

        return pg.SqlState switch
        {
            PostgresErrorCodes.UniqueViolation => UniqueViolation(pg, model, subject),
            PostgresErrorCodes.ForeignKeyViolation => ForeignKeyViolation(pg, model, subject),
            PostgresErrorCodes.NotNullViolation => NotNullViolation(pg, model, subject),
            PostgresErrorCodes.CheckViolation => CheckViolation(pg, model, subject),
            PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected =>
                new EngineError(ErrorCode.Unavailable, "The change conflicted with a concurrent one; try again."),
            PostgresErrorCodes.UndefinedColumn or PostgresErrorCodes.UndefinedTable =>
                new EngineError(ErrorCode.StaleMetadata, "The resource changed while this request ran; try again."),
            PostgresErrorCodes.QueryCanceled => new EngineError(ErrorCode.Unavailable, "The database did not answer in time; try again later."),
            _ when pg.SqlState.StartsWith("22", StringComparison.Ordinal) =>
                new EngineError(ErrorCode.BadUserInput, "Invalid value: " + pg.MessageText + "."),
            _ when IsUnavailable(pg.SqlState) => new EngineError(ErrorCode.Unavailable, "The database is unavailable; try again later."),
            _ => InternalError,
        };
    }

    /// <summary>Connection exceptions (08), shutdowns and "cannot connect now" (57P0x), resource exhaustion (53).</summary>
    private static bool IsUnavailable(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal)
        || sqlState.StartsWith("57P0", StringComparison.Ordinal)
        || sqlState.StartsWith("53", StringComparison.Ordinal);

    /// <summary>What the failed statement wrote, and where in the input a field of it was given.</summary>
    private sealed record Subject(ResourceModel? Resource, bool WritesReference, Func<FieldModel, string> PathOf);

    private static EngineError UniqueViolation(PostgresException pg, SchemaModel model, Subject subject)
    {
        var resource = ResourceOfTable(model, pg.TableName);
        if (resource is null)
        {
            return new EngineError(ErrorCode.UniqueViolation, "A record with these values already exists.");
        }

        var constraint = pg.ConstraintName;
        foreach (var field in resource.Fields)
        {
            if (field.Column is { } column
                && (constraint == ConstraintNames.Unique(resource.Table, column)
                    || constraint == ConstraintNames.Index(resource.Table, [column], unique: true)
                    || (field == resource.Id && constraint == ConstraintNames.PrimaryKey(resource.Table))))
            {
                return new EngineError(
                    ErrorCode.UniqueViolation, $"A {resource.Name} with this {field.Name} already exists.", subject.PathOf(field));
            }
        }

        foreach (var index in resource.Definition.Indexes)
        {
            if (!index.Unique)
            {
                continue;
            }

            var fields = index.Fields.Select(resource.Field).OfType<FieldModel>().ToArray();
            if (fields.Length > 0 && constraint == ConstraintNames.Index(resource.Table, fields.Select(f => f.Column ?? f.Name), unique: true))
            {
                return new EngineError(
                    ErrorCode.UniqueViolation,
                    $"A {resource.Name} with these {string.Join(", ", fields.Select(f => f.Name))} already exists.",
                    subject.PathOf(fields[0]));
            }
        }

        return new EngineError(ErrorCode.UniqueViolation, $"A {resource.Name} with these values already exists.");
    }

    /// <summary>
    /// On a write of the referencing row the target is missing: a connect to nothing, reported as NOT_FOUND for that
    /// relation. On a delete the row is still referenced (RESTRICT): FOREIGN_KEY_VIOLATION naming who refers to it.
    /// </summary>
    private static EngineError ForeignKeyViolation(PostgresException pg, SchemaModel model, Subject subject)
    {
        var (owner, relation) = RelationOfConstraint(model, pg.TableName, pg.ConstraintName);
        if (owner is not null && relation is not null && subject.WritesReference && subject.Resource == owner)
        {
            var target = model.Resource(relation.Relation!.Target)?.Name ?? relation.Relation.Target;
            return new EngineError(ErrorCode.NotFound, $"No {target} matches the connect of '{relation.Name}'.", subject.PathOf(relation));
        }

        if (owner is not null && relation is not null)
        {
            var name = subject.Resource?.Name ?? "record";
            return new EngineError(
                ErrorCode.ForeignKeyViolation, $"The {name} is still referenced by {owner.Name}.{relation.Name}.", relation.Name);
        }

        return new EngineError(ErrorCode.ForeignKeyViolation, "The change would break a reference between records.");
    }

    private static EngineError NotNullViolation(PostgresException pg, SchemaModel model, Subject subject)
    {
        var resource = ResourceOfTable(model, pg.TableName);
        var field = resource?.Fields.FirstOrDefault(f => f.Column == pg.ColumnName);
        return resource is null || field is null
            ? new EngineError(ErrorCode.BadUserInput, "A required value is missing.")
            : new EngineError(ErrorCode.BadUserInput, $"The field '{field.Name}' of {resource.Name} is required.", subject.PathOf(field));
    }

    private static EngineError CheckViolation(PostgresException pg, SchemaModel model, Subject subject)
    {
        var resource = ResourceOfTable(model, pg.TableName);
        var field = resource?.Fields.FirstOrDefault(f => f.Column is { } c && ConstraintNames.Check(resource.Table, c) == pg.ConstraintName);
        return resource is null || field is null
            ? new EngineError(ErrorCode.BadUserInput, "A value is not allowed.")
            : new EngineError(ErrorCode.BadUserInput, $"The value of '{field.Name}' is not allowed: {RuleOf(field)}.", subject.PathOf(field));
    }

    /// <summary>What a field's CHECK constraint demands, in words.</summary>
    private static string RuleOf(FieldModel field)
    {
        var rules = new List<string>(3);
        if (field.EnumValues.Count > 0)
        {
            rules.Add("it must be one of " + string.Join(", ", field.EnumValues));
        }

        if (field.Min is { } min)
        {
            rules.Add("it must be at least " + min.ToString(CultureInfo.InvariantCulture));
        }

        if (field.Max is { } max)
        {
            rules.Add("it must be at most " + max.ToString(CultureInfo.InvariantCulture));
        }

        if (field.MaxLength is { } maxLength)
        {
            rules.Add("it must be at most " + maxLength.ToString(CultureInfo.InvariantCulture) + " characters long");
        }

        if (field.Pattern is { } pattern)
        {
            rules.Add("it must match " + pattern);
        }

        return rules.Count == 0 ? "it breaks a rule of the field" : string.Join(" and ", rules);
    }

    private static ResourceModel? ResourceOfTable(SchemaModel model, string? table)
    {
        foreach (var resource in model.Resources)
        {
            if (resource.Table == table)
            {
                return resource;
            }
        }

        return null;
    }

    /// <summary>The resource and relation field a foreign key constraint belongs to (a to-one FK or a join table's FK).</summary>
    private static (ResourceModel? Owner, FieldModel? Relation) RelationOfConstraint(SchemaModel model, string? table, string? constraint)
    {
        foreach (var resource in model.Resources)
        {
            foreach (var field in resource.Fields)
            {
                var storage = field.Relation;
                if (storage is null)
                {
                    continue;
                }

                if (resource.Table == table && field.Kind == FieldKind.ToOne && ConstraintNames.ForeignKey(resource.Table, field.Column!) == constraint)
                {
                    return (resource, field);
                }

                if (storage.Kind == RelationKind.ManyToMany && table is not null && storage.JoinTable == table
                    && (ConstraintNames.ForeignKey(table, storage.JoinSourceColumn!) == constraint
                        || ConstraintNames.ForeignKey(table, storage.JoinTargetColumn!) == constraint))
                {
                    return (resource, field);
                }
            }
        }

        return (null, null);
    }

    private static ResourceModel? ResourceOf(RootPlan plan) => plan switch
    {
        FindUniquePlan p => p.Resource,
        FindManyPlan p => p.Resource,
        CreatePlan p => p.Resource,
        UpdatePlan p => p.Resource,
        UpsertPlan p => p.Resource,
        DeletePlan p => p.Resource,
        UpdateManyPlan p => p.Resource,
        DeleteManyPlan p => p.Resource,
        _ => null,
    };

    /// <summary>Where the field was in the input: <c>data.slug</c>; for an upsert <c>update.slug</c> or <c>create.slug</c>.</summary>
    private static string InputPath(RootPlan? plan, FieldModel field)
    {
        var prefix = plan switch
        {
            CreatePlan or UpdatePlan or UpdateManyPlan => "data",
            UpsertPlan u when Writes(u.Update, field) => "update",
            UpsertPlan u when Writes(u.Create, field) => "create",
            _ => null,
        };
        return prefix is null ? field.Name : prefix + "." + field.Name;
    }

    private static bool Writes(WriteData data, FieldModel field) =>
        data.Values.Any(v => v.Field == field) || data.Relations.Any(r => r.Relation == field);
}
