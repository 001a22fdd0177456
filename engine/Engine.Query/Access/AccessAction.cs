namespace Engine.Query.Access;

/// <summary>The actions an access rule grants on a resource (SPEC §1 <c>access.actions</c>).</summary>
public enum AccessAction
{
    /// <summary><c>read</c>: find, list, connections, relations, filters over the resource's rows.</summary>
    Read,

    /// <summary><c>create</c>: inserting rows (nested creates included).</summary>
    Create,

    /// <summary><c>update</c>: updating rows, and connecting or disconnecting the rows whose foreign keys change.</summary>
    Update,

    /// <summary><c>delete</c>: deleting rows (single, many and nested).</summary>
    Delete,
}
