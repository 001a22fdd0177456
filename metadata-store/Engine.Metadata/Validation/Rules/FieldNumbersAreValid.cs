namespace Engine.Metadata.Validation.Rules;

/// <summary>
/// Protobuf field numbers, when given (the store assigns them), are unique, above the system fields' 1..3, at most
/// 536870911 and outside the range 19000..19999 that protobuf reserves.
/// </summary>
internal sealed class FieldNumbersAreValid : IMetadataRule
{
    private const int FirstUserNumber = 4;
    private const int MaxNumber = 536_870_911;
    private const int FirstReserved = 19_000;
    private const int LastReserved = 19_999;

    public void Check(ValidationContext context)
    {
        var fields = context.Resource.Fields;
        var used = new Dictionary<int, string>();
        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i].Number is not { } number)
            {
                continue;
            }

            var path = $"fields[{i}].number";
            if (number is < FirstUserNumber or > MaxNumber)
            {
                context.Report(path, $"The field number {number} of '{fields[i].Name}' is out of range: numbers 1 to 3 belong to id, "
                    + $"createdAt and updatedAt, and the largest is {MaxNumber}; omit 'number' to have one assigned.");
            }
            else if (number is >= FirstReserved and <= LastReserved)
            {
                context.Report(path, $"The field number {number} of '{fields[i].Name}' is in the range {FirstReserved} to {LastReserved} "
                    + "that protobuf reserves; omit 'number' to have one assigned.");
            }
            else if (!used.TryAdd(number, fields[i].Name))
            {
                context.Report(path, $"The field number {number} of '{fields[i].Name}' is already used by '{used[number]}'; numbers must be unique.");
            }
        }
    }
}
