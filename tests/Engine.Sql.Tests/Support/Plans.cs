using Engine.Metadata.Model;
using Engine.Query.Filters;
using Engine.Query.Plans;

namespace Engine.Sql.Tests.Support;

/// <summary>Short ways to write plans by hand in tests.</summary>
internal static class Plans
{
    public static Selection Select(params SelectionItem[] items) => new(items);

    public static ScalarSelection Field(ResourceModel resource, string name, string? key = null) =>
        new(key ?? name, resource.Field(name) ?? throw new ArgumentException($"{resource.Name} has no field {name}"));

    public static SelectionItem[] Fields(ResourceModel resource, params string[] names) =>
        names.Select(n => (SelectionItem)Field(resource, n)).ToArray();

    public static ToOneSelection One(SchemaModel model, ResourceModel resource, string relation, params SelectionItem[] items)
    {
        var field = resource.Field(relation)!;
        return new ToOneSelection(relation, field, model.Resource(field.Relation!.Target)!, new Selection(items));
    }

    public static ToManySelection Many(SchemaModel model, ResourceModel resource, string relation, ListArguments args, params SelectionItem[] items)
    {
        var field = resource.Field(relation)!;
        return new ToManySelection(relation, field, model.Resource(field.Relation!.Target)!, args, new Selection(items));
    }

    public static ComparisonFilter Cmp(ResourceModel resource, string field, ComparisonOperator op, object? value) =>
        new(resource.Field(field)!, op, value);

    public static ComparisonFilter Eq(ResourceModel resource, string field, object? value) => Cmp(resource, field, ComparisonOperator.Equal, value);

    public static InFilter In(ResourceModel resource, string field, bool negated, params object?[] values) =>
        new(resource.Field(field)!, values, negated);

    public static StringMatchFilter Match(ResourceModel resource, string field, StringMatchOperator op, string value, bool negated = false) =>
        new(resource.Field(field)!, op, value, negated);

    public static ToOneFilter ToOne(SchemaModel model, ResourceModel resource, string relation, Filter inner)
    {
        var field = resource.Field(relation)!;
        return new ToOneFilter(field, model.Resource(field.Relation!.Target)!, inner);
    }

    public static ToManyFilter ToMany(SchemaModel model, ResourceModel resource, string relation, ToManyQuantifier quantifier, Filter inner)
    {
        var field = resource.Field(relation)!;
        return new ToManyFilter(field, model.Resource(field.Relation!.Target)!, quantifier, inner);
    }

    public static AndFilter And(params Filter[] items) => new(items);

    public static OrFilter Or(params Filter[] items) => new(items);

    public static ListArguments List(Filter? where = null, int? skip = null, int? first = null, int? last = null, params OrderBy[] orderBy) =>
        new(where, orderBy, skip, first, last);

    public static OrderBy Asc(ResourceModel resource, string field) => new(resource.Field(field)!, false);

    public static OrderBy Desc(ResourceModel resource, string field) => new(resource.Field(field)!, true);

    public static ColumnValue Set(ResourceModel resource, string field, object? value) => new(resource.Field(field)!, value);

    public static ToOneConnect Connect(SchemaModel model, ResourceModel resource, string relation, Filter? where)
    {
        var field = resource.Field(relation)!;
        return new ToOneConnect(field, model.Resource(field.Relation!.Target)!, where);
    }

    public static WriteData Data(IReadOnlyList<ColumnValue> values, params ToOneConnect[] relations) => new(values, relations);
}
