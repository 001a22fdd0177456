using Engine.Metadata.Model;
using Engine.Query.Errors;
using Engine.Query.Filters;

namespace Engine.Query.Access;

/// <summary>
/// What one caller may do with one action on one resource (from <see cref="AccessPolicy.Grant"/>): whether at all,
/// on which rows (<see cref="Rows"/>, claims already substituted) and with which fields.
/// </summary>
public sealed class AccessGrant
{
    private readonly IReadOnlySet<string>? fields;
    private readonly string roles;

    internal AccessGrant(ResourceModel resource, AccessAction action, bool allowed, Filter? rows, IReadOnlySet<string>? fields, string roles)
    {
        Resource = resource;
        Action = action;
        Allowed = allowed;
        Rows = rows;
        this.fields = fields;
        this.roles = roles;
    }

    /// <summary>The resource the grant is about.</summary>
    public ResourceModel Resource { get; }

    /// <summary>The action the grant is about.</summary>
    public AccessAction Action { get; }

    /// <summary>True when a rule of one of the caller's roles grants the action (always for admin).</summary>
    public bool Allowed { get; }

    /// <summary>
    /// The rows the action may touch: the OR of the matching rules' <c>where</c> with the caller's claims filled in;
    /// null for all rows. A rule whose claim is missing contributes nothing, so this may match no row at all.
    /// </summary>
    public Filter? Rows { get; }

    /// <summary>True when every field may be used (a matching rule lists no <c>fields</c>, or admin).</summary>
    public bool AllFields => fields is null;

    /// <summary>The caller's roles as the error messages name them.</summary>
    public string Roles => roles;

    /// <summary>
    /// True when the field named <paramref name="fieldName"/> may be read (or written, for create and update):
    /// <c>id</c> always; other fields, system timestamps and relations included, when listed or when
    /// <see cref="AllFields"/>.
    /// </summary>
    public bool CanUse(string fieldName) => fields is null || fields.Contains(fieldName);

    /// <summary>Same as <see cref="CanUse(string)"/> for a field of <see cref="Resource"/>.</summary>
    public bool CanUse(FieldModel field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return CanUse(field.Name);
    }

    /// <summary>FORBIDDEN: the caller's roles may not do <see cref="Action"/> on <see cref="Resource"/> at all.</summary>
    public EngineError Denied() =>
        new(ErrorCode.Forbidden, $"The role(s) {roles} may not {AccessActions.Name(Action)} {Resource.Name}.");

    /// <summary>FORBIDDEN naming <paramref name="path"/>: the input uses a field outside the action's allow-list.</summary>
    public EngineError FieldForbidden(string fieldName, string path) =>
        new(ErrorCode.Forbidden,
            $"The role(s) {roles} may not {AccessActions.Name(Action)} the field '{fieldName}' of {Resource.Name} ({path}).", path);

    /// <summary>FORBIDDEN: a row written by a create or an update is outside the rows the action may produce.</summary>
    public EngineError RowForbidden(string? path = null) =>
        new(ErrorCode.Forbidden,
            $"The role(s) {roles} may not {AccessActions.Name(Action)} this {Resource.Name}: the written row is outside the rows its access rules allow.",
            path);
}
