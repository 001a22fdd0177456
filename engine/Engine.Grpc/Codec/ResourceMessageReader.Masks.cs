using Engine.Metadata.Model;

namespace Engine.Grpc.Codec;

public sealed partial class ResourceMessageReader
{
    /// <summary>The wildcard path: every field (AIP-157, AIP-134).</summary>
    private const string Wildcard = "*";

    /// <summary>The fields a read_mask names; null (all fields) when it is absent, empty or <c>*</c>.</summary>
    private IReadOnlyList<FieldModel>? ReadMask(RequestFields request, string name, List<FieldViolation> violations)
    {
        if (request.Repeated.Count == 0)
        {
            return null;
        }

        var paths = new List<string>();
        foreach (var range in request.Repeated)
        {
            FieldMasks.ReadPaths(request.Slice(range), name, paths, violations);
        }

        if (paths.Count == 0 || paths.Contains(Wildcard))
        {
            return null;
        }

        var fields = new List<FieldModel>(paths.Count);
        for (var i = 0; i < paths.Count; i++)
        {
            if (!layout.ByProtoName.TryGetValue(paths[i], out var field))
            {
                violations.Add(new FieldViolation($"{name}.paths[{i}]", $"'{paths[i]}' is not a field of {layout.Resource.Name}."));
            }
            else if (!fields.Contains(field.Model))
            {
                fields.Add(field.Model);
            }
        }

        return fields;
    }

    /// <summary>Which fields an update_mask names, by field index; null when it is absent or empty.</summary>
    private bool[]? UpdateMask(List<string> paths, List<FieldViolation> violations)
    {
        if (paths.Count == 0)
        {
            return null;
        }

        var mask = new bool[layout.Fields.Length];
        for (var i = 0; i < paths.Count; i++)
        {
            if (paths[i] == Wildcard)
            {
                foreach (var field in layout.Fields)
                {
                    mask[field.Index] = field.IsWritable;
                }
            }
            else if (!layout.ByProtoName.TryGetValue(paths[i], out var field))
            {
                violations.Add(new FieldViolation($"update_mask.paths[{i}]", $"'{paths[i]}' is not a field of {layout.Resource.Name}."));
            }
            else if (!field.IsWritable)
            {
                violations.Add(new FieldViolation($"update_mask.paths[{i}]", $"'{paths[i]}' is set by the engine and cannot be updated."));
            }
            else
            {
                mask[field.Index] = true;
            }
        }

        return mask;
    }
}
