using System.Text.Json;
using Engine.Metadata.Definitions;
using Engine.Metadata.Model;
using Engine.Query.Access;
using Engine.Query.Context;
using Engine.Query.Errors;
using Engine.Query.Filters;

namespace Engine.Query.Tests.Access;

/// <summary><see cref="AccessPolicy"/>: matching rules, row filters with claims, field allow-lists and caching.</summary>
public sealed class AccessPolicyTests
{
    private static readonly Guid CustomerId = Guid.Parse("0190a000-0000-7000-8000-000000000001");

    internal static readonly SchemaModel Model = SchemaModelBuilder.Build(1,
    [
        new ResourceDefinition
        {
            Name = "Invoice",
            Fields =
            [
                new FieldDefinition { Name = "number", Type = FieldTypes.String },
                new FieldDefinition { Name = "tenant", Type = FieldTypes.Int },
                new FieldDefinition { Name = "total", Type = FieldTypes.Decimal },
                new FieldDefinition { Name = "status", Type = FieldTypes.Enum, Values = ["DRAFT", "PAID"] },
                new FieldDefinition { Name = "customer", Type = FieldTypes.Relation, Target = "Customer", Cardinality = "one", Inverse = "invoices" },
            ],
            Access =
            [
                Rule("accountant", ["read", "create", "update"]),
                Rule("customer", ["read"], """{ "customer": { "id": "$claims.customerId" } }""", ["number", "total", "status"]),
                Rule("clerk", ["read", "update"], """{ "tenant": "$claims.tenant", "status_in": ["DRAFT", "PAID"] }"""),
                Rule("clerk", ["read"], """{ "status": "PAID" }""", ["number"]),
                Rule("broken", ["read"], """{ "tenant": "not a number" }"""),
            ],
        },
        new ResourceDefinition
        {
            Name = "Customer",
            Fields =
            [
                new FieldDefinition { Name = "name", Type = FieldTypes.String },
                new FieldDefinition { Name = "invoices", Type = FieldTypes.Relation, Target = "Invoice", Cardinality = "many", Inverse = "customer" },
            ],
            Access = [Rule("customer", ["read"], """{ "invoices_some": { "number_starts_with": "$claims.prefix" } }""")],
        },
    ]);

    internal static readonly ResourceModel Invoice = Model.Resource("Invoice")!;
    internal static readonly ResourceModel Customer = Model.Resource("Customer")!;

    [Fact]
    public void Grant_Admin_AllowsAllRowsAndFields()
    {
        var grant = AccessPolicy.For(Model).Grant(Invoice, AccessAction.Delete, RequestContext.System);

        Assert.True(grant.Allowed);
        Assert.Null(grant.Rows);
        Assert.True(grant.AllFields);
    }

    [Fact]
    public void Grant_NoMatchingRule_IsDeniedWithForbiddenNamingRoleActionAndResource()
    {
        var grant = AccessPolicy.For(Model).Grant(Invoice, AccessAction.Delete, Caller(["accountant"]));

        Assert.False(grant.Allowed);
        var error = grant.Denied();
        Assert.Equal(ErrorCode.Forbidden, error.Code);
        Assert.Equal("The role(s) accountant may not delete Invoice.", error.Message);
    }

    [Fact]
    public void Grant_Anonymous_IsDenied()
    {
        Assert.False(AccessPolicy.For(Model).Grant(Invoice, AccessAction.Read, RequestContext.Anonymous).Allowed);
    }

    [Fact]
    public void Grant_RuleWithoutWhereOrFields_AllowsAllRowsAndFields()
    {
        var grant = AccessPolicy.For(Model).Grant(Invoice, AccessAction.Update, Caller(["accountant"]));

        Assert.True(grant.Allowed);
        Assert.Null(grant.Rows);
        Assert.True(grant.AllFields);
        Assert.True(grant.CanUse("total"));
    }

    [Fact]
    public void Grant_ToOneClaimFilter_SubstitutesTheClaimAsGuid()
    {
        var grant = AccessPolicy.For(Model).Grant(Invoice, AccessAction.Read, Caller(["customer"], ("customerId", CustomerId.ToString())));

        var toOne = Assert.IsType<ToOneFilter>(grant.Rows);
        Assert.Same(Customer, toOne.Target);
        var id = Assert.IsType<ComparisonFilter>(toOne.Inner);
        Assert.Same(Customer.Id, id.Field);
        Assert.Equal(CustomerId, id.Value);
    }

    [Fact]
    public void Grant_MissingClaim_MatchesNothing()
    {
        var grant = AccessPolicy.For(Model).Grant(Invoice, AccessAction.Read, Caller(["customer"]));

        Assert.True(grant.Allowed);
        Assert.Empty(Assert.IsType<OrFilter>(grant.Rows).Items);
    }

    [Fact]
    public void Grant_ClaimOfWrongType_MatchesNothing()
    {
        var grant = AccessPolicy.For(Model).Grant(Invoice, AccessAction.Read, Caller(["customer"], ("customerId", "not-a-uuid")));

        Assert.Empty(Assert.IsType<OrFilter>(grant.Rows).Items);
    }

    [Fact]
    public void Grant_ScalarClaim_IsCoercedToTheFieldType()
    {
        var grant = AccessPolicy.For(Model).Grant(Invoice, AccessAction.Update, Caller(["clerk"], ("tenant", "42")));

        var and = Assert.IsType<AndFilter>(grant.Rows);
        var tenant = Assert.IsType<ComparisonFilter>(and.Items[0]);
        Assert.Equal(42, tenant.Value);
        var status = Assert.IsType<InFilter>(and.Items[1]);
        Assert.Equal(["DRAFT", "PAID"], status.Values);
    }

    [Fact]
    public void Grant_SeveralMatchingRules_OrsFiltersAndUnitesFields()
    {
        var grant = AccessPolicy.For(Model).Grant(Invoice, AccessAction.Read, Caller(["clerk"], ("tenant", "7")));

        var or = Assert.IsType<OrFilter>(grant.Rows);
        Assert.Equal(2, or.Items.Count);
        Assert.True(grant.AllFields);
    }

    [Fact]
    public void Grant_OneRuleMissingItsClaim_KeepsTheOtherRule()
    {
        var grant = AccessPolicy.For(Model).Grant(Invoice, AccessAction.Read, Caller(["clerk"]));

        var status = Assert.IsType<ComparisonFilter>(grant.Rows);
        Assert.Equal("PAID", status.Value);
    }

    [Fact]
    public void Grant_RolesOfDifferentRules_UniteFieldsAndDropRowFilterWhenOneHasNone()
    {
        var grant = AccessPolicy.For(Model).Grant(Invoice, AccessAction.Read, Caller(["customer", "accountant"]));

        Assert.Null(grant.Rows);
        Assert.True(grant.AllFields);
    }

    [Fact]
    public void CanUse_FieldAllowList_AllowsListedFieldsAndId()
    {
        var grant = AccessPolicy.For(Model).Grant(Invoice, AccessAction.Read, Caller(["customer"], ("customerId", CustomerId.ToString())));

        Assert.False(grant.AllFields);
        Assert.True(grant.CanUse("id"));
        Assert.True(grant.CanUse("number"));
        Assert.True(grant.CanUse(Invoice.Field("status")!));
        Assert.False(grant.CanUse("tenant"));
        Assert.False(grant.CanUse("customer"));
        Assert.False(grant.CanUse("createdAt"));
    }

    [Fact]
    public void FieldForbidden_NamesThePath()
    {
        var grant = AccessPolicy.For(Model).Grant(Invoice, AccessAction.Read, Caller(["customer"]));

        var error = grant.FieldForbidden("tenant", "where.tenant");

        Assert.Equal(ErrorCode.Forbidden, error.Code);
        Assert.Equal("where.tenant", error.Field);
        Assert.Contains("'tenant'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Grant_LiteralOfWrongType_RuleMatchesNothing()
    {
        var grant = AccessPolicy.For(Model).Grant(Invoice, AccessAction.Read, Caller(["broken"]));

        Assert.True(grant.Allowed);
        Assert.Empty(Assert.IsType<OrFilter>(grant.Rows).Items);
    }

    [Fact]
    public void Grant_StringMatchWithClaim_BecomesStringMatchFilter()
    {
        var grant = AccessPolicy.For(Model).Grant(Customer, AccessAction.Read, Caller(["customer"], ("prefix", "INV-")));

        var some = Assert.IsType<ToManyFilter>(grant.Rows);
        Assert.Equal(ToManyQuantifier.Some, some.Quantifier);
        var match = Assert.IsType<StringMatchFilter>(some.Inner);
        Assert.Equal("INV-", match.Value);
        Assert.Equal(StringMatchOperator.StartsWith, match.Operator);
    }

    [Fact]
    public void Grant_RuleWithoutClaims_ReturnsTheSameInstanceEveryTime()
    {
        var policy = AccessPolicy.For(Model);

        Assert.Same(policy.Grant(Invoice, AccessAction.Read, Caller(["accountant"])), policy.Grant(Invoice, AccessAction.Read, Caller(["accountant"])));
        Assert.Same(policy, AccessPolicy.For(Model));
    }

    [Fact]
    public void RoleSetKey_OrderAndDuplicates_DoNotMatter()
    {
        Assert.Equal(AccessPolicy.RoleSetKey(["b", "a"]), AccessPolicy.RoleSetKey(["a", "b", "a"]));
        Assert.NotEqual(AccessPolicy.RoleSetKey(["a"]), AccessPolicy.RoleSetKey(["a", "b"]));
    }

    private static AccessRuleDefinition Rule(string role, string[] actions, string? where = null, string[]? fields = null) => new()
    {
        Role = role,
        Actions = actions,
        Where = where is null ? null : JsonDocument.Parse(where).RootElement.Clone(),
        Fields = fields,
    };

    internal static RequestContext Caller(string[] roles, params (string Name, string Value)[] claims) =>
        new("caller", roles, claims.ToDictionary(c => c.Name, c => c.Value));
}
