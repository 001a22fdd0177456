namespace Engine.Metadata.Validation.Rules;

/// <summary>No two indexes cover the same fields in the same order with the same uniqueness (they would share one name).</summary>
internal sealed class IndexesAreDistinct : IMetadataRule
{
    public void Check(ValidationContext context)
    {
        var indexes = context.Resource.Indexes;
        for (var k = 1; k < indexes.Count; k++)
        {
            for (var j = 0; j < k; j++)
            {
                if (indexes[j].Unique == indexes[k].Unique && indexes[j].Fields.SequenceEqual(indexes[k].Fields, StringComparer.Ordinal))
                {
                    context.Report($"indexes[{k}]", $"The index on ({string.Join(", ", indexes[k].Fields)}) repeats indexes[{j}]; remove one of them.");
                    break;
                }
            }
        }
    }
}
