namespace Engine.MetadataStore.Planning;

/// <summary>The kinds of DDL step a migration plan is made of (the <c>kind</c> of each plan entry).</summary>
public static class MigrationStepKinds
{
    public const string CreateSchema = "createSchema";
    public const string CreateTable = "createTable";
    public const string CreateTrigger = "createTrigger";
    public const string DropTable = "dropTable";
    public const string AddColumn = "addColumn";
    public const string DropColumn = "dropColumn";
    public const string AlterColumnType = "alterColumnType";
    public const string SetNotNull = "setNotNull";
    public const string DropNotNull = "dropNotNull";
    public const string SetDefault = "setDefault";
    public const string DropDefault = "dropDefault";
    public const string AddCheck = "addCheck";
    public const string DropCheck = "dropCheck";
    public const string AddUnique = "addUnique";
    public const string DropUnique = "dropUnique";
    public const string AddForeignKey = "addForeignKey";
    public const string DropForeignKey = "dropForeignKey";
    public const string CreateIndex = "createIndex";
    public const string DropIndex = "dropIndex";
    public const string CreateJoinTable = "createJoinTable";
    public const string DropJoinTable = "dropJoinTable";
}
