using Engine.Metadata.Model;
using Engine.Query.Plans;
using Engine.Sql.Building;

namespace Engine.Sql.Compiling;

/// <summary>
/// Compiles a dialect-free <see cref="RootPlan"/> into one PostgreSQL statement in which the database builds the
/// whole JSON of the field (json_build_object / json_agg, nested relations through LEFT JOIN LATERAL), so a
/// query of any depth is one round trip. Split by concern: filters, selections, lists, cursors, connections, reads,
/// writes, connects.
/// </summary>
/// <remarks>
/// Table aliases are <c>t0</c>, <c>t1</c>, … (unique per statement, so nested scopes never shadow by accident);
/// a lateral join over <c>tN</c> is <c>jN</c> with its JSON in column <c>j</c>; a join table next to <c>tN</c> is <c>mN</c>.
/// A connection's CTEs are <c>p</c> (rows read), <c>e</c> (the page) and <c>c</c> (the count).
/// </remarks>
public sealed partial class PostgresCompiler
{
    private static readonly string[] TableAliases = Aliases("t");
    private static readonly string[] JoinAliases = Aliases("j");
    private static readonly string[] LinkAliases = Aliases("m");

    private readonly SchemaModel model;
    private readonly CommandBuilder sql = new();
    private readonly List<ConnectCheck> connectChecks = [];
    private int nextAlias;
    private bool hasWriteCheck;

    private PostgresCompiler(SchemaModel model) => this.model = model;

    /// <summary>Compiles one root plan into its statement.</summary>
    public static SqlStatement Compile(RootPlan plan, SchemaModel model)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(model);
        var compiler = new PostgresCompiler(model);
        switch (plan)
        {
            case FindUniquePlan p:
                compiler.FindUnique(p);
                break;
            case FindManyPlan p:
                compiler.FindMany(p);
                break;
            case ConnectionPlan p:
                compiler.Connection(p);
                break;
            case CreatePlan p:
                compiler.Create(p);
                break;
            case UpdatePlan p:
                compiler.Update(p);
                break;
            case UpsertPlan p:
                compiler.Upsert(p);
                break;
            case DeletePlan p:
                compiler.Delete(p);
                break;
            case UpdateManyPlan p:
                compiler.UpdateMany(p);
                break;
            case DeleteManyPlan p:
                compiler.DeleteMany(p);
                break;
            default:
                throw new ArgumentException($"No SQL for a plan of type {plan.GetType().Name}.", nameof(plan));
        }

        return compiler.sql.Build(compiler.connectChecks) with { HasWriteCheck = compiler.hasWriteCheck };
    }

    private int NextAlias() => nextAlias++;

    private static string TableAlias(int n) => n < TableAliases.Length ? TableAliases[n] : "t" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string JoinAlias(int n) => n < JoinAliases.Length ? JoinAliases[n] : "j" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string LinkAlias(int n) => n < LinkAliases.Length ? LinkAliases[n] : "m" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private CommandBuilder AppendTable(ResourceModel resource) => sql.Table(model.DataSchema, resource.Table);

    private static string ColumnOf(FieldModel field) =>
        field.Column ?? throw new ArgumentException($"The field '{field.Name}' has no column.", nameof(field));

    private static RelationModel RelationOf(FieldModel field) =>
        field.Relation ?? throw new ArgumentException($"The field '{field.Name}' is not a relation.", nameof(field));

    private static string[] Aliases(string prefix)
    {
        var aliases = new string[32];
        for (var i = 0; i < aliases.Length; i++)
        {
            aliases[i] = prefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return aliases;
    }
}
