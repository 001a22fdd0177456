using Engine.MetadataStore.Planning;
using Npgsql;

namespace Engine.MetadataStore.Store;

/// <summary>Turns PostgreSQL's refusal of a DDL step into a sentence an admin can act on.</summary>
internal static class DdlErrorMessages
{
    public static string Describe(PostgresException error, MigrationStep step)
    {
        var column = step.Column is null ? step.Table : $"{step.Table}.{step.Column}";
        return error.SqlState switch
        {
            PostgresErrorCodes.NotNullViolation when step.Kind == MigrationStepKinds.AddColumn =>
                $"Cannot add the required column {column}: the table has rows and the field has no default. "
                + "Give the field a default, or add it as optional, fill it, then make it required.",
            PostgresErrorCodes.NotNullViolation =>
                $"Cannot make {column} required: some rows have no value in it. Fill those rows first.",
            PostgresErrorCodes.UniqueViolation =>
                $"Cannot make {column} unique: some rows share a value.",
            PostgresErrorCodes.CheckViolation =>
                $"Some rows of {step.Table} break the new rule on {step.Column ?? "a column"}; change those rows or relax the rule.",
            PostgresErrorCodes.ForeignKeyViolation =>
                $"Some rows of {step.Table} refer to records that do not exist in the relation's target; fix those rows first.",
            PostgresErrorCodes.InvalidTextRepresentation or PostgresErrorCodes.NumericValueOutOfRange
                or PostgresErrorCodes.InvalidDatetimeFormat or PostgresErrorCodes.DatetimeFieldOverflow
                or PostgresErrorCodes.CannotCoerce or PostgresErrorCodes.DatatypeMismatch
                or PostgresErrorCodes.StringDataRightTruncation or PostgresErrorCodes.InvalidParameterValue =>
                $"Some values of {column} cannot be converted to the new type; change those rows or keep the old type.",
            PostgresErrorCodes.DuplicateTable or PostgresErrorCodes.DuplicateColumn or PostgresErrorCodes.DuplicateObject =>
                $"The database already has {column} (or a constraint of that name), which the metadata does not know of; "
                + "the database and the metadata are out of step.",
            PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.UndefinedColumn or PostgresErrorCodes.UndefinedObject =>
                $"The database lacks {column} (or a constraint of it), which the metadata expects; "
                + "the database and the metadata are out of step.",
            PostgresErrorCodes.DependentObjectsStillExist =>
                $"Other database objects (views, foreign keys made outside the engine) depend on {column}; remove them first.",
            PostgresErrorCodes.LockNotAvailable or PostgresErrorCodes.QueryCanceled =>
                $"The table {step.Table} is busy with other work and could not be changed in time; try again.",
            PostgresErrorCodes.InsufficientPrivilege =>
                $"The engine's database user may not change {step.Table}.",
            PostgresErrorCodes.InvalidRegularExpression =>
                $"PostgreSQL does not accept the pattern of {column} as a regular expression.",
            _ => $"The database refused the step \"{step.Description}\".",
        };
    }
}
