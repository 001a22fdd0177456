using System.Text;
using Engine.Grpc.Descriptors;
using Engine.Grpc.Reflection;
using Engine.Runtime;

namespace Engine.Host.Meta;

/// <summary><c>GET /meta/proto</c>: the live <c>.proto</c> text of every resource's file, or of one with <c>?resource=Name</c>.</summary>
internal static class ProtoText
{
    public static IResult Get(string? resource, SnapshotHolder snapshots)
    {
        var model = snapshots.Current.Artifact<GrpcModel>();
        if (resource is not null)
        {
            return model.Resources.TryGetValue(resource, out var one)
                ? Results.Text(ProtoPrinter.Print(one.Descriptors.Proto), "text/plain; charset=utf-8")
                : MetaResults.Errors(StatusCodes.Status404NotFound, "resource", $"there is no resource named '{resource}'");
        }

        var text = new StringBuilder();
        foreach (var part in model.Resources.Values)
        {
            // Each file keeps its own syntax and imports; the header says where one ends and the next begins.
            text.Append("// ---- ").Append(part.Descriptors.FileName).Append(" ----\n");
            text.Append(ProtoPrinter.Print(part.Descriptors.Proto)).Append('\n');
        }

        return Results.Text(text.ToString(), "text/plain; charset=utf-8");
    }
}
