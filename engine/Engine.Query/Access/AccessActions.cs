namespace Engine.Query.Access;

/// <summary>The wire names of <see cref="AccessAction"/>, as access rules spell them.</summary>
public static class AccessActions
{
    /// <summary><see cref="AccessAction.Read"/> → <c>read</c>, and so on.</summary>
    public static string Name(AccessAction action) => action switch
    {
        AccessAction.Read => "read",
        AccessAction.Create => "create",
        AccessAction.Update => "update",
        _ => "delete",
    };

    /// <summary>The action an access rule names; false for anything else.</summary>
    public static bool TryParse(string name, out AccessAction action)
    {
        switch (name)
        {
            case "read":
                action = AccessAction.Read;
                return true;
            case "create":
                action = AccessAction.Create;
                return true;
            case "update":
                action = AccessAction.Update;
                return true;
            case "delete":
                action = AccessAction.Delete;
                return true;
            default:
                action = default;
                return false;
        }
    }
}
