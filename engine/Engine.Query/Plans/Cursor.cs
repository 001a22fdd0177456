namespace Engine.Query.Plans;

/// <summary>
/// A position in a sorted list: the values of the row's sort keys (<see cref="SortKeys.Of"/>, <c>id</c> last), so a
/// page can start right after it even when rows were inserted or deleted since (keyset pagination). Values are CLR
/// values as in filters, except Decimal values, which stay their exact decimal text (a column may hold more digits
/// than <see cref="decimal"/>).
/// </summary>
/// <param name="Values">One value per sort key, in key order; null where the row's value is NULL.</param>
public sealed record Cursor(IReadOnlyList<object?> Values);
