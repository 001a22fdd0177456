namespace Engine.Auth.Admin;

/// <summary>A posted user: <c>{"username","password","roles","claims","disabled"}</c>; the password is write-only.</summary>
internal sealed record UserBody(string Username, string? Password, string[] Roles, Dictionary<string, string> Claims, bool Disabled)
{
    /// <summary>The shortest password accepted.</summary>
    public const int MinPasswordLength = 8;

    /// <summary>Parses <paramref name="json"/>; <paramref name="urlUsername"/> (PUT) must agree with the body's name when both are given.</summary>
    public static (UserBody? Body, List<BodyError> Errors) Parse(byte[] json, string? urlUsername)
    {
        var errors = new List<BodyError>();
        if (!JsonBodies.TryParseObject(json, errors, out var body))
        {
            return (null, errors);
        }

        var username = PrincipalJson.String(body, "username", errors) ?? urlUsername;
        if (urlUsername is not null && !string.Equals(username, urlUsername, StringComparison.Ordinal))
        {
            errors.Add(new BodyError("username", $"the body names '{username}' but the URL names '{urlUsername}'; they must be the same"));
        }
        else if (PrincipalJson.CheckName(username, "username") is { } problem)
        {
            errors.Add(new BodyError("username", problem));
        }

        var password = PrincipalJson.String(body, "password", errors);
        if (password is not null && password.Length < MinPasswordLength)
        {
            errors.Add(new BodyError("password", $"a password has at least {MinPasswordLength} characters"));
        }

        var roles = PrincipalJson.Roles(body, errors);
        var claims = PrincipalJson.Claims(body, errors);
        var disabled = PrincipalJson.Boolean(body, "disabled", errors) ?? false;
        return errors.Count > 0 ? (null, errors) : (new UserBody(username!, password, roles, claims, disabled), errors);
    }
}
