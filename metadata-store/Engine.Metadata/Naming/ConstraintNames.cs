using System.Security.Cryptography;
using System.Text;

namespace Engine.Metadata.Naming;

/// <summary>
/// Deterministic names of the constraints and indexes the migrator creates. The database-error mapper reads
/// them back (a unique violation on <c>invoice_number_key</c> is the field <c>number</c> of <c>Invoice</c>),
/// so both sides must use this class.
/// </summary>
public static class ConstraintNames
{
    /// <summary>Primary key: <c>&lt;table&gt;_pkey</c>.</summary>
    public static string PrimaryKey(string table) => Fit(table + "_pkey");

    /// <summary>Unique constraint on one column: <c>&lt;table&gt;_&lt;column&gt;_key</c>.</summary>
    public static string Unique(string table, string column) => Fit(table + "_" + column + "_key");

    /// <summary>Foreign key: <c>&lt;table&gt;_&lt;column&gt;_fkey</c>.</summary>
    public static string ForeignKey(string table, string column) => Fit(table + "_" + column + "_fkey");

    /// <summary>CHECK constraint of one column (min/max/maxLength/pattern/enum values): <c>&lt;table&gt;_&lt;column&gt;_check</c>.</summary>
    public static string Check(string table, string column) => Fit(table + "_" + column + "_check");

    /// <summary>Index over columns: <c>&lt;table&gt;_&lt;col1&gt;_&lt;col2&gt;_idx</c> (or <c>_uidx</c> when unique).</summary>
    public static string Index(string table, IEnumerable<string> columns, bool unique) =>
        Fit(table + "_" + string.Join("_", columns) + (unique ? "_uidx" : "_idx"));

    /// <summary>Names longer than PostgreSQL keeps are cut and made unique again with a short hash of the full name.</summary>
    public static string Fit(string name)
    {
        if (Encoding.UTF8.GetByteCount(name) <= NameConventions.MaxIdentifierLength)
        {
            return name;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..8];
        return name[..(NameConventions.MaxIdentifierLength - 9)] + "_" + hash;
    }
}
