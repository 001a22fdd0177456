using Engine.GraphQL.Schema;
using Engine.Metadata.Definitions;
using Engine.Metadata.Model;
using Engine.Query.Plans;

namespace Engine.GraphQL.Tests.Schema;

public class OpenCrudSchemaBuilderTests
{
    private static readonly SchemaModel Crm = SampleModels.Build(SampleModels.CrmDefinitions());
    private static readonly GqlSchema CrmSchema = GraphQLSnapshotCompiler.Compile(Crm, null).Schema;

    [Fact]
    public void BuildResource_Invoice_RootFieldsAreBoundToTheirOperations()
    {
        var invoice = Crm.Resource("Invoice")!;
        var part = OpenCrudSchemaBuilder.BuildResource(invoice, Crm);

        Assert.Equal(["invoice", "invoices", "invoicesConnection"], part.QueryFields.Select(f => f.Name));
        Assert.Equal(
            ["createInvoice", "updateInvoice", "upsertInvoice", "deleteInvoice", "updateManyInvoices", "deleteManyInvoices"],
            part.MutationFields.Select(f => f.Name));
        var bindings = part.QueryFields.Concat(part.MutationFields).Select(f => Assert.IsType<RootFieldBinding>(f.Binding)).ToList();
        Assert.All(bindings, b => Assert.Same(invoice, b.Resource));
        Assert.Equal(
            [RootOperation.FindUnique, RootOperation.FindMany, RootOperation.Connection, RootOperation.Create, RootOperation.Update, RootOperation.Upsert,
             RootOperation.Delete, RootOperation.UpdateMany, RootOperation.DeleteMany],
            bindings.Select(b => b.Operation));
    }

    [Fact]
    public void BuildResource_Invoice_WhereInputFieldsCarryFieldAndOperator()
    {
        var where = (GqlInputObjectType)CrmSchema.Types["InvoiceWhereInput"];
        var invoice = Crm.Resource("Invoice")!;

        var contains = Assert.IsType<WhereFieldBinding>(where.FieldsByName["number_contains"].Binding);
        Assert.Same(invoice.Field("number"), contains.Field);
        Assert.Equal(WhereOperator.Contains, contains.Operator);
        Assert.Equal(WhereOperator.Relation, Assert.IsType<WhereFieldBinding>(where.FieldsByName["customer"].Binding).Operator);
        Assert.Equal(WhereOperator.Every, Assert.IsType<WhereFieldBinding>(where.FieldsByName["tags_every"].Binding).Operator);
        Assert.Equal(WhereLogic.Or, Assert.IsType<WhereLogicBinding>(where.FieldsByName["OR"].Binding).Logic);
        Assert.Equal("[InvoiceWhereInput!]", where.FieldsByName["NOT"].Type.ToString());
        Assert.Equal("[ID!]", where.FieldsByName["id_in"].Type.ToString());
        Assert.All(where.Fields, f => Assert.True(f.Binding is WhereFieldBinding or WhereLogicBinding, f.Name));
    }

    [Theory]
    [InlineData("archived_lt")]
    [InlineData("extra_in")]
    [InlineData("extra_gt")]
    [InlineData("status_gt")]
    [InlineData("id_contains")]
    [InlineData("lineCount_contains")]
    public void BuildResource_Invoice_WhereInputOmitsOperatorsTheTypeCannotUse(string name)
    {
        var where = (GqlInputObjectType)CrmSchema.Types["InvoiceWhereInput"];
        Assert.False(where.FieldsByName.ContainsKey(name));
    }

    [Fact]
    public void BuildResource_Invoice_OrderByValuesBindOrderBy()
    {
        var orderBy = (GqlEnumType)CrmSchema.Types["InvoiceOrderByInput"];
        var value = Assert.IsType<OrderBy>(orderBy.ValuesByName["total_DESC"].Binding);
        Assert.Equal("total", value.Field.Name);
        Assert.True(value.Descending);
        Assert.Equal(["id_ASC", "id_DESC", "createdAt_ASC"], orderBy.Values.Take(3).Select(v => v.Name));
        Assert.IsType<OrderByEnumBinding>(orderBy.Binding);
    }

    [Fact]
    public void BuildResource_Invoice_DataInputsFollowRequiredAndDefaults()
    {
        var create = (GqlInputObjectType)CrmSchema.Types["InvoiceCreateInput"];
        Assert.Equal("ID", create.FieldsByName["id"].Type.ToString());
        Assert.Equal("String!", create.FieldsByName["number"].Type.ToString());
        Assert.Equal("InvoiceStatus", create.FieldsByName["status"].Type.ToString());
        Assert.Equal("CustomerCreateOneWithoutInvoicesInput!", create.FieldsByName["customer"].Type.ToString());
        Assert.Equal("TagCreateManyWithoutInvoicesInput", create.FieldsByName["tags"].Type.ToString());
        Assert.Same(Crm.Resource("Invoice")!.Field("number"), create.FieldsByName["number"].Binding);
        Assert.Equal(new DataInputBinding(Crm.Resource("Invoice")!, DataInputKind.Create), create.Binding);

        var customerCreate = (GqlInputObjectType)CrmSchema.Types["CustomerCreateInput"];
        Assert.Equal("CustomerTier", customerCreate.FieldsByName["tier"].Type.ToString());

        var update = (GqlInputObjectType)CrmSchema.Types["InvoiceUpdateInput"];
        Assert.All(update.Fields, f => Assert.False(f.Type.IsNonNull));
        Assert.Equal("CustomerUpdateOneWithoutInvoicesInput", update.FieldsByName["customer"].Type.ToString());
        Assert.Equal("TagUpdateManyWithoutInvoicesInput", update.FieldsByName["tags"].Type.ToString());

        var updateMany = (GqlInputObjectType)CrmSchema.Types["InvoiceUpdateManyMutationInput"];
        Assert.False(updateMany.FieldsByName.ContainsKey("customer"));
    }

    [Fact]
    public void BuildResource_Customer_NestedInputsBindTheirOperations()
    {
        var updateOne = (GqlInputObjectType)CrmSchema.Types["CustomerUpdateOneInput"];
        Assert.Equal(NestedWriteOperation.Connect, updateOne.FieldsByName["connect"].Binding);
        Assert.Equal(NestedWriteOperation.Disconnect, updateOne.FieldsByName["disconnect"].Binding);
        Assert.Equal(new NestedWriteInputBinding(Crm.Resource("Customer")!, true), updateOne.Binding);
    }

    [Fact]
    public void BuildResource_RelationWithBackReference_NestedCreateOmitsIt()
    {
        var create = (GqlInputObjectType)CrmSchema.Types["InvoiceCreateWithoutCustomerInput"];
        Assert.False(create.FieldsByName.ContainsKey("customer"));
        Assert.Equal("String!", create.FieldsByName["number"].Type.ToString());

        var customer = (GqlInputObjectType)CrmSchema.Types["CustomerCreateInput"];
        Assert.Equal("InvoiceCreateManyWithoutCustomerInput", customer.FieldsByName["invoices"].Type.ToString());
        var many = (GqlInputObjectType)CrmSchema.Types["InvoiceUpdateManyWithoutCustomerInput"];
        Assert.Equal(["create", "connect", "set", "disconnect", "delete", "update", "updateMany", "deleteMany", "upsert"], many.Fields.Select(f => f.Name));
        Assert.Equal("[InvoiceUpdateWithWhereUniqueWithoutCustomerInput!]", many.FieldsByName["update"].Type.ToString());
        Assert.Equal(NestedWriteOperation.DeleteMany, many.FieldsByName["deleteMany"].Binding);
        var item = (GqlInputObjectType)CrmSchema.Types["InvoiceUpdateWithWhereUniqueWithoutCustomerInput"];
        Assert.Equal("InvoiceUpdateWithoutCustomerDataInput!", item.FieldsByName["data"].Type.ToString());
    }

    [Fact]
    public void BuildResource_ToOneWithoutBackReference_UsesTheSharedNestedInputs()
    {
        var createOne = (GqlInputObjectType)CrmSchema.Types["CustomerCreateOneInput"];
        Assert.Equal(["create", "connect"], createOne.Fields.Select(f => f.Name));
        Assert.Equal("CustomerCreateInput", createOne.FieldsByName["create"].Type.ToString());
        var upsert = (GqlInputObjectType)CrmSchema.Types["CustomerUpsertNestedInput"];
        Assert.Equal(["update", "create"], upsert.Fields.Select(f => f.Name));
        Assert.False(CrmSchema.Types.ContainsKey("CustomerCreateManyWithoutInvoicesInput"));
    }

    [Fact]
    public void BuildResource_Customer_ObjectTypeHasSystemEnumAndRelationFields()
    {
        var customer = (GqlObjectType)CrmSchema.Types["Customer"];
        Assert.Equal(["id", "createdAt", "updatedAt", "name", "email", "tier", "invoices"], customer.Fields.Select(f => f.Name));
        Assert.Equal("ID!", customer.FieldsByName["id"].Type.ToString());
        Assert.Equal("CustomerTier!", customer.FieldsByName["tier"].Type.ToString());
        Assert.Equal("Display name.", customer.FieldsByName["name"].Description);
        var invoices = customer.FieldsByName["invoices"];
        Assert.Equal("[Invoice!]!", invoices.Type.ToString());
        Assert.Equal(["where", "orderBy", "skip", "after", "before", "first", "last"], invoices.Arguments.Select(a => a.Name));
        Assert.Equal(["BRONZE", "SILVER", "GOLD"], ((GqlEnumType)CrmSchema.Types["CustomerTier"]).Values.Select(v => v.Name));
    }

    [Fact]
    public void BuildResource_NoUpdatableField_OmitsUpdateInputsAndTheirMutations()
    {
        var model = SampleModels.Build(
        [
            new ResourceDefinition { Name = "Marker", Fields = [] },
        ]);
        var part = OpenCrudSchemaBuilder.BuildResource(model.Resource("Marker")!, model);

        Assert.Equal(["createMarker", "deleteMarker", "deleteManyMarkers"], part.MutationFields.Select(f => f.Name));
        Assert.DoesNotContain(part.Types, t => t.Name is "MarkerUpdateInput" or "MarkerUpdateManyMutationInput");
    }

    [Fact]
    public void Compose_NoResources_HasVersionFieldAndNoMutation()
    {
        var schema = OpenCrudSchemaBuilder.Compose([]);

        var version = Assert.Single(schema.Query.Fields);
        Assert.Equal("_version", version.Name);
        Assert.IsType<MetadataVersionBinding>(version.Binding);
        Assert.Null(schema.Mutation);
        Assert.NotNull(schema.Type("Json"));
        Assert.NotNull(schema.Type("__Schema"));
    }

    [Fact]
    public void Compose_EveryReferencedTypeExists()
    {
        foreach (var type in CrmSchema.Types.Values)
        {
            var references = type switch
            {
                GqlObjectType o => o.Fields.SelectMany(f => f.Arguments.Select(a => a.Type).Append(f.Type)),
                GqlInputObjectType i => i.Fields.Select(f => f.Type),
                _ => [],
            };
            Assert.All(references, r => Assert.True(CrmSchema.Type(r.NamedType) is not null, $"{type.Name} refers to missing {r}"));
        }
    }
}
