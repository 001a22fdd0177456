using Engine.Metadata.Definitions;
using Engine.Metadata.Tests.Support;
using static Engine.Metadata.Tests.Support.Defs;

namespace Engine.Metadata.Tests.Rules;

public class AccessRulesAreValidTests
{
    private static IReadOnlyList<Validation.ValidationError> CheckAccess(params AccessRuleDefinition[] rules) =>
        Check.Resource(Resource("Invoice", Field("number"), Field("total", FieldTypes.Decimal)) with { Access = rules });

    [Fact]
    public void Check_RolesActionsAndFields_Accepts() =>
        Check.Valid(CheckAccess(
            new AccessRuleDefinition { Role = "accountant", Actions = ["read", "create", "update", "delete"] },
            new AccessRuleDefinition { Role = "auditor", Actions = ["read"], Fields = ["id", "number"] }));

    [Fact]
    public void Check_MissingRole_RejectsAtRole() =>
        Check.OneError(CheckAccess(new AccessRuleDefinition { Role = " ", Actions = ["read"] }), "access[0].role", "no role");

    [Fact]
    public void Check_UnknownAction_RejectsAtThatAction() =>
        Check.OneError(CheckAccess(
                new AccessRuleDefinition { Role = "accountant", Actions = ["read"] },
                new AccessRuleDefinition { Role = "clerk", Actions = ["write", "read"] }),
            "access[1].actions[0]", "'write'", "read, create, update or delete");

    [Fact]
    public void Check_NoActions_RejectsAtActions() =>
        Check.OneError(CheckAccess(new AccessRuleDefinition { Role = "clerk" }), "access[0].actions", "no actions");

    [Fact]
    public void Check_RepeatedAction_RejectsTheRepeat() =>
        Check.OneError(CheckAccess(new AccessRuleDefinition { Role = "clerk", Actions = ["read", "read"] }), "access[0].actions[1]", "twice");

    [Fact]
    public void Check_UnknownAllowedField_RejectsAtThatField() =>
        Check.OneError(CheckAccess(new AccessRuleDefinition { Role = "clerk", Actions = ["read"], Fields = ["number", "amount"] }),
            "access[0].fields[1]", "'amount'");

    [Fact]
    public void Check_WhereNotAnObject_RejectsAtWhere() =>
        Check.OneError(CheckAccess(new AccessRuleDefinition { Role = "clerk", Actions = ["read"], Where = JsonValue("\"mine\"") }),
            "access[0].where", "must be an object");
}
