using Engine.GraphQL.Schema;
using GraphQLParser.AST;

namespace Engine.GraphQL.Validation;

/// <summary>
/// One validation rule of the GraphQL spec (§5). The <see cref="DocumentWalker"/> visits the document once and calls
/// every rule's hooks with the type information at that point; a rule overrides the hooks it needs and reports
/// through <see cref="ValidationContext.Report"/>. A rule instance serves one validation (it may keep state).
/// </summary>
internal abstract class ValidationRule
{
    /// <summary>Each top-level definition of the document, executable or not.</summary>
    public virtual void EnterDefinition(ValidationContext context, ASTNode definition)
    {
    }

    /// <summary>An operation; <paramref name="rootType"/> is null when the schema lacks that operation type.</summary>
    public virtual void EnterOperation(ValidationContext context, GraphQLOperationDefinition operation, GqlObjectType? rootType)
    {
    }

    /// <summary>A fragment definition; <paramref name="typeCondition"/> is null when its type is unknown.</summary>
    public virtual void EnterFragmentDefinition(ValidationContext context, GraphQLFragmentDefinition fragment, GqlNamedType? typeCondition)
    {
    }

    /// <summary>A variable definition; <paramref name="type"/> is null when its named type is unknown.</summary>
    public virtual void EnterVariableDefinition(ValidationContext context, GraphQLVariableDefinition variable, GqlTypeRef? type)
    {
    }

    /// <summary>A type name in a variable definition or a type condition.</summary>
    public virtual void EnterNamedType(ValidationContext context, GraphQLNamedType type)
    {
    }

    /// <summary>A selection set; <paramref name="parentType"/> is the object type it selects from, or null if unknown.</summary>
    public virtual void EnterSelectionSet(ValidationContext context, GraphQLSelectionSet selectionSet, GqlObjectType? parentType)
    {
    }

    /// <summary>A field; <paramref name="definition"/> is null when the parent has no such field (or is unknown).</summary>
    public virtual void EnterField(ValidationContext context, GraphQLField field, GqlObjectType? parentType, GqlField? definition)
    {
    }

    /// <summary>An inline fragment; <paramref name="typeCondition"/> is null when absent or unknown.</summary>
    public virtual void EnterInlineFragment(ValidationContext context, GraphQLInlineFragment fragment, GqlObjectType? parentType,
        GqlNamedType? typeCondition)
    {
    }

    /// <summary>A fragment spread inside a selection set of <paramref name="parentType"/>.</summary>
    public virtual void EnterFragmentSpread(ValidationContext context, GraphQLFragmentSpread spread, GqlObjectType? parentType)
    {
    }

    /// <summary>The directives of one node; <paramref name="location"/> is a <c>__DirectiveLocation</c> name.</summary>
    public virtual void EnterDirectives(ValidationContext context, GraphQLDirectives directives, string location)
    {
    }

    /// <summary>One directive; <paramref name="definition"/> is null when the schema does not know it.</summary>
    public virtual void EnterDirective(ValidationContext context, GraphQLDirective directive, string location, GqlDirective? definition)
    {
    }

    /// <summary>
    /// An argument of a field or directive; <paramref name="definition"/> is null when unknown. <paramref name="owner"/> is
    /// the field's <see cref="GqlField"/>, the <see cref="GqlDirective"/>, or null when the owner itself is unknown.
    /// </summary>
    public virtual void EnterArgument(ValidationContext context, GraphQLArgument argument, object? owner, GqlObjectType? parentType,
        GqlInputField? definition)
    {
    }

    /// <summary>
    /// A value in an argument, in a variable's default or nested in either; <paramref name="type"/> is the input type
    /// expected there (after list coercion of single items), or null when unknown.
    /// </summary>
    public virtual void EnterValue(ValidationContext context, GraphQLValue value, GqlTypeRef? type)
    {
    }

    /// <summary>After the whole document was visited: rules that need every operation and fragment run here.</summary>
    public virtual void LeaveDocument(ValidationContext context)
    {
    }
}
