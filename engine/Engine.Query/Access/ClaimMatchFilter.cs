using Engine.Metadata.Model;
using Engine.Query.Filters;

namespace Engine.Query.Access;

/// <summary>A string match (<c>name_contains: "$claims.team"</c>) whose value is a claim; only inside rule templates.</summary>
internal sealed record ClaimMatchFilter(FieldModel Field, StringMatchOperator Operator, ClaimReference Claim, bool Negated) : Filter;
