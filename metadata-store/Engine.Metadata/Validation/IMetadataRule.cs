namespace Engine.Metadata.Validation;

/// <summary>One rule of SPEC §1, checked against one resource at a time.</summary>
internal interface IMetadataRule
{
    /// <summary>Reports every violation of this rule by <see cref="ValidationContext.Resource"/> to the context.</summary>
    void Check(ValidationContext context);
}
