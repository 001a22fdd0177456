using Engine.Metadata.Model;
using Engine.Query.Context;
using Engine.Query.Errors;
using Engine.Query.Filters;
using Engine.Query.Plans;

namespace Engine.Query.Access;

/// <summary>
/// Applies the access rules to a root plan before it is compiled, so every protocol gets them: the action must be
/// granted, row filters are ANDed into every read and into the WHERE of updates and deletes, written rows carry a
/// check, unreadable fields are dropped from selections, and filters, orderings and written data that use fields
/// outside the allow-lists are FORBIDDEN (thrown as <see cref="EngineException"/>, naming the input path).
/// </summary>
public static class AccessPlanRewriter
{
    /// <summary>The plan as <paramref name="context"/> may run it; <paramref name="plan"/> itself for admin.</summary>
    public static RootPlan Apply(RootPlan plan, SchemaModel model, RequestContext context)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var scope = AccessScope.For(model, context);
        return scope is null ? plan : Apply(plan, scope);
    }

    /// <summary>The plan as the caller of <paramref name="scope"/> may run it (nested writes are narrowed while they run).</summary>
    public static RootPlan Apply(RootPlan plan, AccessScope scope)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(scope);
        var rewrite = new PlanAccess(scope);
        return plan switch
        {
            FindUniquePlan p => rewrite.FindUnique(p),
            FindManyPlan p => rewrite.FindMany(p),
            ConnectionPlan p => rewrite.Connection(p),
            CreatePlan p => rewrite.Create(p),
            UpdatePlan p => rewrite.Update(p),
            UpsertPlan p => rewrite.Upsert(p),
            DeletePlan p => rewrite.Delete(p),
            UpdateManyPlan p => rewrite.UpdateMany(p),
            DeleteManyPlan p => rewrite.DeleteMany(p),
            _ => throw new ArgumentException($"No access rules for a plan of type {plan.GetType().Name}.", nameof(plan)),
        };
    }

    /// <summary>The rewriting of one plan: reads, filters and written data.</summary>
    private sealed class PlanAccess(AccessScope scope)
    {
        public FindUniquePlan FindUnique(FindUniquePlan plan)
        {
            var read = scope.Require(plan.Resource, AccessAction.Read);
            return plan with
            {
                Where = AccessFilters.And(Filter(plan.Where, plan.Resource, "where"), read.Rows)!,
                Selection = Select(plan.Selection, plan.Resource, read),
            };
        }

        public FindManyPlan FindMany(FindManyPlan plan)
        {
            var read = scope.Require(plan.Resource, AccessAction.Read);
            return plan with { Arguments = List(plan.Arguments, plan.Resource, read, ""), Selection = Select(plan.Selection, plan.Resource, read) };
        }

        public ConnectionPlan Connection(ConnectionPlan plan)
        {
            var read = scope.Require(plan.Resource, AccessAction.Read);
            var items = new List<SelectionItem>(plan.Selection.Count);
            foreach (var item in plan.Selection)
            {
                items.Add(item is EdgesSelection edges
                    ? edges with { Items = edges.Items.Select(e => e is EdgeNodeSelection node ? node with { Selection = Select(node.Selection, plan.Resource, read) } : e).ToArray() }
                    : item);
            }

            return plan with { Arguments = List(plan.Arguments, plan.Resource, read, ""), Selection = items };
        }

        public CreatePlan Create(CreatePlan plan)
        {
            var create = scope.Require(plan.Resource, AccessAction.Create);
            Data(plan.Data, plan.Resource, create, "data");
            var read = scope.Grant(plan.Resource, AccessAction.Read);
            return plan with { Selection = Select(plan.Selection, plan.Resource, read), Visible = read.Rows, Check = create.Rows };
        }

        public UpdatePlan Update(UpdatePlan plan)
        {
            var update = scope.Require(plan.Resource, AccessAction.Update);
            Data(plan.Data, plan.Resource, update, "data");
            var read = scope.Grant(plan.Resource, AccessAction.Read);
            return plan with
            {
                Where = AccessFilters.And(Filter(plan.Where, plan.Resource, "where"), update.Rows)!,
                Selection = Select(plan.Selection, plan.Resource, read),
                Visible = read.Rows,
                Check = update.Rows,
            };
        }

        public UpsertPlan Upsert(UpsertPlan plan)
        {
            var create = scope.Require(plan.Resource, AccessAction.Create);
            var update = scope.Require(plan.Resource, AccessAction.Update);
            Data(plan.Create, plan.Resource, create, "create");
            Data(plan.Update, plan.Resource, update, "update");
            var read = scope.Grant(plan.Resource, AccessAction.Read);
            return plan with
            {
                Where = AccessFilters.And(Filter(plan.Where, plan.Resource, "where"), update.Rows)!,
                Selection = Select(plan.Selection, plan.Resource, read),
                Visible = read.Rows,
                CreateCheck = create.Rows,
                UpdateCheck = update.Rows,
            };
        }

        public DeletePlan Delete(DeletePlan plan)
        {
            var delete = scope.Require(plan.Resource, AccessAction.Delete);
            var read = scope.Grant(plan.Resource, AccessAction.Read);
            return plan with
            {
                Where = AccessFilters.And(Filter(plan.Where, plan.Resource, "where"), delete.Rows)!,
                Selection = Select(plan.Selection, plan.Resource, read),
                Visible = read.Rows,
            };
        }

        public UpdateManyPlan UpdateMany(UpdateManyPlan plan)
        {
            var update = scope.Require(plan.Resource, AccessAction.Update);
            Data(plan.Data, plan.Resource, update, "data");
            return plan with { Where = AccessFilters.And(Filter(plan.Where, plan.Resource, "where"), update.Rows), Check = update.Rows };
        }

        public DeleteManyPlan DeleteMany(DeleteManyPlan plan)
        {
            var delete = scope.Require(plan.Resource, AccessAction.Delete);
            return plan with { Where = AccessFilters.And(Filter(plan.Where, plan.Resource, "where"), delete.Rows) };
        }

        /// <summary>A selection without the fields <paramref name="read"/> does not allow; relations read only the target's readable rows.</summary>
        private Selection Select(Selection selection, ResourceModel resource, AccessGrant read)
        {
            var items = new List<SelectionItem>(selection.Items.Count);
            foreach (var item in selection.Items)
            {
                switch (item)
                {
                    case ScalarSelection scalar when !read.CanUse(scalar.Field):
                    case ToOneSelection toOne when !read.CanUse(toOne.Relation):
                    case ToManySelection toMany when !read.CanUse(toMany.Relation):
                        break;
                    case ToOneSelection toOne:
                        var one = scope.Grant(toOne.Target, AccessAction.Read);
                        items.Add(toOne with { Selection = Select(toOne.Selection, toOne.Target, one), Where = one.Rows });
                        break;
                    case ToManySelection toMany:
                        var many = scope.Grant(toMany.Target, AccessAction.Read);
                        items.Add(toMany with
                        {
                            Arguments = List(toMany.Arguments, toMany.Target, many, toMany.Key + "."),
                            Selection = Select(toMany.Selection, toMany.Target, many),
                        });
                        break;
                    default:
                        items.Add(item);
                        break;
                }
            }

            return new Selection(items);
        }

        /// <summary>List arguments over readable rows, with <c>where</c> and <c>orderBy</c> limited to readable fields.</summary>
        private ListArguments List(ListArguments arguments, ResourceModel resource, AccessGrant read, string prefix)
        {
            foreach (var key in arguments.OrderBy)
            {
                Readable(read, key.Field, prefix + "orderBy");
            }

            return arguments with { Where = AccessFilters.And(Filter(arguments.Where, resource, prefix + "where"), read.Rows) };
        }

        /// <summary>
        /// A caller's filter checked against the read allow-lists, with relation filters ranging only over the targets'
        /// readable rows (<c>r_every</c> holds when every readable related row matches).
        /// </summary>
        private Filter? Filter(Filter? filter, ResourceModel resource, string path)
        {
            var read = scope.Grant(resource, AccessAction.Read);
            switch (filter)
            {
                case null:
                    return null;
                case AndFilter and:
                    return new AndFilter(and.Items.Select(i => Filter(i, resource, path)!).ToArray());
                case OrFilter or:
                    return new OrFilter(or.Items.Select(i => Filter(i, resource, path)!).ToArray());
                case NotFilter not:
                    return new NotFilter(Filter(not.Inner, resource, path)!);
                case ComparisonFilter comparison:
                    Readable(read, comparison.Field, path);
                    return filter;
                case InFilter list:
                    Readable(read, list.Field, path);
                    return filter;
                case StringMatchFilter match:
                    Readable(read, match.Field, path);
                    return filter;
                case ToOneFilter toOne:
                    Readable(read, toOne.Relation, path);
                    var one = scope.Grant(toOne.Target, AccessAction.Read);
                    return toOne with { Inner = AccessFilters.And(Filter(toOne.Inner, toOne.Target, path + "." + toOne.Relation.Name), one.Rows)! };
                case ToManyFilter toMany:
                    Readable(read, toMany.Relation, path);
                    var many = scope.Grant(toMany.Target, AccessAction.Read);
                    var inner = Filter(toMany.Inner, toMany.Target, path + "." + toMany.Relation.Name + QuantifierSuffix(toMany.Quantifier))!;
                    return toMany with { Inner = Quantified(toMany.Quantifier, inner, many.Rows) };
                default:
                    return filter;
            }
        }

        /// <summary>Checks the fields a write sets against <paramref name="write"/>'s allow-list, and each nested write's own grant.</summary>
        private void Data(WriteData data, ResourceModel resource, AccessGrant write, string path)
        {
            foreach (var value in data.Values)
            {
                Writable(write, value.Field, path);
            }

            foreach (var connect in data.Relations)
            {
                Writable(write, connect.Relation, path);
                Filter(connect.Where, connect.Target, path + "." + connect.Relation.Name);
            }

            foreach (var nested in data.Nested)
            {
                Writable(write, nested.Relation, path);
                Nested(nested);
            }
        }

        /// <summary>
        /// A nested create, update or delete needs that action on its target; a to-many connect, disconnect or set of a
        /// one-to-many changes the targets' foreign keys, so it needs update on the target.
        /// </summary>
        private void Nested(NestedWrite nested)
        {
            var target = nested.Target;
            switch (nested)
            {
                case NestedCreate create:
                    Data(create.Data, target, scope.Require(target, AccessAction.Create), create.Path);
                    break;
                case NestedUpdate update:
                    Filter(update.Where, target, update.Path + ".where");
                    Data(update.Data, target, scope.Require(target, AccessAction.Update), update.Path + ".data");
                    break;
                case NestedUpsert upsert:
                    Filter(upsert.Where, target, upsert.Path + ".where");
                    Data(upsert.Create, target, scope.Require(target, AccessAction.Create), upsert.Path + ".create");
                    Data(upsert.Update, target, scope.Require(target, AccessAction.Update), upsert.Path + ".update");
                    break;
                case NestedUpdateMany updateMany:
                    Filter(updateMany.Where, target, updateMany.Path + ".where");
                    Data(updateMany.Data, target, scope.Require(target, AccessAction.Update), updateMany.Path + ".data");
                    break;
                case NestedDelete delete:
                    scope.Require(target, AccessAction.Delete);
                    Filter(delete.Where, target, delete.Path);
                    break;
                case NestedDeleteMany deleteMany:
                    scope.Require(target, AccessAction.Delete);
                    Filter(deleteMany.Where, target, deleteMany.Path);
                    break;
                case NestedConnect connect:
                    RequireLinkUpdate(connect);
                    Filter(connect.Where, target, connect.Path);
                    break;
                case NestedDisconnect disconnect:
                    RequireLinkUpdate(disconnect);
                    Filter(disconnect.Where, target, disconnect.Path);
                    break;
                case NestedSet set:
                    RequireLinkUpdate(set);
                    foreach (var where in set.Wheres)
                    {
                        Filter(where, target, set.Path);
                    }

                    break;
            }
        }

        private void RequireLinkUpdate(NestedWrite write)
        {
            if (write.Relation.Relation?.Kind == RelationKind.OneToMany)
            {
                scope.Require(write.Target, AccessAction.Update);
            }
        }

        /// <summary>
        /// The inner filter of a quantifier over readable rows only: <c>some</c> and <c>none</c> look at readable rows
        /// that match; <c>every</c> holds when no readable row fails, i.e. each row is unreadable or matches.
        /// </summary>
        private static Filter Quantified(ToManyQuantifier quantifier, Filter inner, Filter? rows) => rows switch
        {
            null => inner,
            _ when quantifier == ToManyQuantifier.Every => new OrFilter([new NotFilter(rows), inner]),
            _ => new AndFilter([inner, rows]),
        };

        private static string QuantifierSuffix(ToManyQuantifier quantifier) => quantifier switch
        {
            ToManyQuantifier.Some => "_some",
            ToManyQuantifier.Every => "_every",
            _ => "_none",
        };

        private static void Readable(AccessGrant read, FieldModel field, string path)
        {
            if (!read.CanUse(field))
            {
                throw new EngineException(read.FieldForbidden(field.Name, path + "." + field.Name));
            }
        }

        private static void Writable(AccessGrant write, FieldModel field, string path)
        {
            if (!write.CanUse(field))
            {
                throw new EngineException(write.FieldForbidden(field.Name, path + "." + field.Name));
            }
        }
    }
}
