namespace Engine.Host.Meta;

/// <summary>Who made a metadata change, for the history.</summary>
internal static class Callers
{
    public static string Name(HttpContext http) =>
        http.User.Identity?.IsAuthenticated == true && !string.IsNullOrEmpty(http.User.Identity.Name)
            ? http.User.Identity.Name
            : "admin";
}
