using Engine.Query.Access;
using Engine.Query.Context;
using Engine.Query.Errors;
using Engine.Query.Filters;
using Engine.Query.Plans;
using static Engine.Query.Tests.Access.AccessPolicyTests;

namespace Engine.Query.Tests.Access;

/// <summary><see cref="AccessPlanRewriter"/>: what a non-admin plan gains (filters, checks) and loses (unreadable fields), and what it may not ask.</summary>
public sealed class AccessPlanRewriterTests
{
    private static readonly Guid CustomerId = Guid.Parse("0190a000-0000-7000-8000-000000000002");
    private static readonly RequestContext Customer1 = Caller(["customer"], ("customerId", CustomerId.ToString()));

    [Fact]
    public void Apply_Admin_ReturnsThePlanItself()
    {
        var plan = new FindManyPlan("invoices", Invoice, ListArguments.All, new Selection([Scalar(Invoice, "tenant")]));

        Assert.Same(plan, AccessPlanRewriter.Apply(plan, Model, RequestContext.System));
    }

    [Fact]
    public void Apply_ActionNotGranted_ThrowsForbidden()
    {
        var plan = new DeletePlan("deleteInvoice", Invoice, Id(Invoice), new Selection([]));

        var error = Assert.Throws<EngineException>(() => AccessPlanRewriter.Apply(plan, Model, Customer1)).Error;

        Assert.Equal(ErrorCode.Forbidden, error.Code);
    }

    [Fact]
    public void Apply_List_AndsTheRowFilterAndDropsUnreadableFields()
    {
        var plan = new FindManyPlan("invoices", Invoice, ListArguments.All,
            new Selection([Scalar(Invoice, "number"), Scalar(Invoice, "tenant"), new ToOneSelection("customer", Invoice.Field("customer")!, Customer, new Selection([]))]));

        var rewritten = Assert.IsType<FindManyPlan>(AccessPlanRewriter.Apply(plan, Model, Customer1));

        Assert.IsType<ToOneFilter>(rewritten.Arguments.Where);
        Assert.Equal(["number"], rewritten.Selection.Items.Select(i => i.Key));
    }

    [Fact]
    public void Apply_ToOneSelectionOfReadableRelation_CarriesTheTargetsReadFilter()
    {
        var clerk = Caller(["clerk"], ("tenant", "1"));
        var plan = new FindManyPlan("invoices", Invoice, ListArguments.All,
            new Selection([new ToOneSelection("customer", Invoice.Field("customer")!, Customer, new Selection([Scalar(Customer, "name")]))]));

        var rewritten = Assert.IsType<FindManyPlan>(AccessPlanRewriter.Apply(plan, Model, clerk));

        // The clerk may not read customers at all: the target reads as null.
        var toOne = Assert.IsType<ToOneSelection>(Assert.Single(rewritten.Selection.Items));
        Assert.Empty(Assert.IsType<OrFilter>(toOne.Where).Items);
        Assert.Empty(toOne.Selection.Items);
    }

    [Fact]
    public void Apply_EveryOverRowsWithAFilter_HoldsForUnreadableRows()
    {
        var customerRole = Caller(["customer"], ("customerId", CustomerId.ToString()), ("prefix", "A"));
        var every = new ToManyFilter(Customer.Field("invoices")!, Invoice, ToManyQuantifier.Every, Eq(Invoice, "number", "A-1"));
        var plan = new FindManyPlan("customers", Customer, new ListArguments(every, [], null, null, null), new Selection([]));

        var rewritten = Assert.IsType<FindManyPlan>(AccessPlanRewriter.Apply(plan, Model, customerRole));

        var and = Assert.IsType<AndFilter>(rewritten.Arguments.Where);
        var quantified = Assert.IsType<ToManyFilter>(and.Items[0]);
        var inner = Assert.IsType<OrFilter>(quantified.Inner);
        Assert.IsType<NotFilter>(inner.Items[0]);
    }

    [Fact]
    public void Apply_FilterOnUnreadableField_ThrowsForbiddenNamingThePath()
    {
        var plan = new FindManyPlan("invoices", Invoice, new ListArguments(Eq(Invoice, "tenant", 1), [], null, null, null), new Selection([]));

        var error = Assert.Throws<EngineException>(() => AccessPlanRewriter.Apply(plan, Model, Customer1)).Error;

        Assert.Equal((ErrorCode.Forbidden, "where.tenant"), (error.Code, error.Field));
    }

    [Fact]
    public void Apply_UpdateWithRowFilter_NarrowsTheWhereAndCarriesTheCheck()
    {
        var clerk = Caller(["clerk"], ("tenant", "3"));
        var plan = new UpdatePlan("updateInvoice", Invoice, Id(Invoice), new WriteData([new ColumnValue(Invoice.Field("total")!, 1m)], []), new Selection([]));

        var rewritten = Assert.IsType<UpdatePlan>(AccessPlanRewriter.Apply(plan, Model, clerk));

        Assert.IsType<AndFilter>(rewritten.Where);
        Assert.NotNull(rewritten.Check);
        Assert.NotNull(rewritten.Visible);
    }

    [Fact]
    public void Apply_NestedCreateOfUngrantedTarget_ThrowsForbidden()
    {
        var accountant = Caller(["accountant"]);
        var nested = new NestedCreate(Invoice.Field("customer")!, Customer, "data.customer.create", Guid.NewGuid(), WriteData.Empty);
        var plan = new CreatePlan("createInvoice", Invoice, Guid.NewGuid(), new WriteData([], [], [nested]), new Selection([]));

        var error = Assert.Throws<EngineException>(() => AccessPlanRewriter.Apply(plan, Model, accountant)).Error;

        Assert.Equal(ErrorCode.Forbidden, error.Code);
        Assert.Contains("may not create Customer", error.Message, StringComparison.Ordinal);
    }

    private static ScalarSelection Scalar(Metadata.Model.ResourceModel resource, string field) => new(field, resource.Field(field)!);

    private static ComparisonFilter Eq(Metadata.Model.ResourceModel resource, string field, object value) => new(resource.Field(field)!, ComparisonOperator.Equal, value);

    private static ComparisonFilter Id(Metadata.Model.ResourceModel resource) => new(resource.Id, ComparisonOperator.Equal, Guid.NewGuid());
}
