using Engine.Metadata.Naming;

namespace Engine.Metadata.Validation.Rules;

/// <summary>
/// The gRPC request and event messages (SPEC §4) hold the resource under its snake_case name next to fixed fields
/// (<c>UpdateXRequest.update_mask</c>, <c>XEvent.type</c> and <c>updated_fields</c>, <c>ListXsResponse.next_page_token</c>
/// and <c>total_size</c>); a resource whose name or plural turns into one of those would give a message two fields
/// of one name.
/// </summary>
internal sealed class ProtoRequestFieldsDoNotClash : IMetadataRule
{
    private static readonly string[] SingularTaken = ["update_mask", "type", "updated_fields"];
    private static readonly string[] PluralTaken = ["next_page_token", "total_size"];

    public void Check(ValidationContext context)
    {
        var singular = NameConventions.ToSnakeCase(context.Resource.Name);
        if (SingularTaken.Contains(singular, StringComparer.Ordinal))
        {
            context.Report("name", $"The resource name '{context.Resource.Name}' becomes the protobuf field '{singular}', which the "
                + $"generated gRPC messages already use for something else (SPEC §4); choose another name.");
        }

        var plural = NameConventions.ToSnakeCase(context.Plural);
        if (PluralTaken.Contains(plural, StringComparer.Ordinal))
        {
            context.Report(context.Resource.Plural is null ? "name" : "plural", $"The plural '{context.Plural}' becomes the protobuf field "
                + $"'{plural}' of List{context.Plural}Response, which already has a field of that name (SPEC §4); choose another plural.");
        }
    }
}
