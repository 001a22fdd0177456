using Engine.Metadata.Model;
using Engine.Metadata.Naming;

namespace Engine.GraphQL.Schema;

public static partial class OpenCrudSchemaBuilder
{
    /// <summary>The page information of every connection (Relay), shared by all resources.</summary>
    public const string PageInfoType = "PageInfo";

    private static readonly GqlInputField AfterArgument = new("after", GqlTypeRef.Named(ScalarTypes.String),
        "Only records after this cursor (an edge's cursor from a list with the same orderBy).");

    private static readonly GqlInputField BeforeArgument = new("before", GqlTypeRef.Named(ScalarTypes.String),
        "Only records before this cursor (an edge's cursor from a list with the same orderBy).");

    private static readonly GqlObjectType PageInfo = new(PageInfoType, "Where a page of a connection is in the whole list.",
    [
        new GqlField("hasNextPage", GqlTypeRef.NonNullNamed(ScalarTypes.Boolean), "True when records follow this page.",
            binding: new ConnectionFieldBinding(ConnectionPart.HasNextPage)),
        new GqlField("hasPreviousPage", GqlTypeRef.NonNullNamed(ScalarTypes.Boolean), "True when records precede this page.",
            binding: new ConnectionFieldBinding(ConnectionPart.HasPreviousPage)),
        new GqlField("startCursor", GqlTypeRef.Named(ScalarTypes.String), "The cursor of the first edge; null for an empty page.",
            binding: new ConnectionFieldBinding(ConnectionPart.StartCursor)),
        new GqlField("endCursor", GqlTypeRef.Named(ScalarTypes.String), "The cursor of the last edge; null for an empty page.",
            binding: new ConnectionFieldBinding(ConnectionPart.EndCursor)),
    ]);

    /// <summary><c>PostConnection</c>, <c>PostEdge</c> and <c>AggregatePost</c>.</summary>
    private static GqlObjectType[] ConnectionTypes(ResourceModel resource)
    {
        var name = resource.Name;
        return
        [
            new GqlObjectType(GraphQLNames.Connection(name), $"A page of {resource.Plural} with cursors.",
            [
                new GqlField("pageInfo", GqlTypeRef.NonNullNamed(PageInfoType), "Where this page is in the whole list.",
                    binding: new ConnectionFieldBinding(ConnectionPart.PageInfo)),
                new GqlField("edges", GqlTypeRef.NonNull(GqlTypeRef.ListOf(GqlTypeRef.Named(GraphQLNames.Edge(name)))), "The records of this page.",
                    binding: new ConnectionFieldBinding(ConnectionPart.Edges)),
                new GqlField("aggregate", GqlTypeRef.NonNullNamed(GraphQLNames.Aggregate(name)), "Figures over every record matching where.",
                    binding: new ConnectionFieldBinding(ConnectionPart.Aggregate)),
            ]),
            new GqlObjectType(GraphQLNames.Edge(name), $"One {name} of a page, with its cursor.",
            [
                new GqlField("node", GqlTypeRef.NonNullNamed(GraphQLNames.ObjectType(name)), $"The {name}.",
                    binding: new ConnectionFieldBinding(ConnectionPart.Node)),
                new GqlField("cursor", GqlTypeRef.NonNullNamed(ScalarTypes.String), "The record's position, for after and before.",
                    binding: new ConnectionFieldBinding(ConnectionPart.Cursor)),
            ]),
            new GqlObjectType(GraphQLNames.Aggregate(name), $"Figures over {resource.Plural}.",
            [
                new GqlField("count", GqlTypeRef.NonNullNamed(ScalarTypes.Int), "How many records match where (paging aside).",
                    binding: new ConnectionFieldBinding(ConnectionPart.Count)),
            ]),
        ];
    }

    /// <summary><c>postsConnection(where, orderBy, skip, after, before, first, last): PostConnection!</c>.</summary>
    private static GqlField ConnectionField(ResourceModel resource) =>
        new(GraphQLNames.ConnectionField(resource.Plural), GqlTypeRef.NonNullNamed(GraphQLNames.Connection(resource.Name)),
            $"A page of {resource.Plural} with cursors, page information and a count.",
            ListArguments(resource.Name),
            new RootFieldBinding(RootOperation.Connection, resource));
}
