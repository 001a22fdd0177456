using System.Text.Json;
using Engine.Metadata.Model;

namespace Engine.Query.Filters.RecordPredicates;

/// <summary>Date (<c>YYYY-MM-DD</c>, any number of year digits from four) as days from 2000-01-01.</summary>
internal sealed class DateKind : ValueKindOf<long>
{
    public static readonly DateKind Instance = new();

    private static readonly long EpochDayNumber = new DateOnly(2000, 1, 1).DayNumber;

    protected override long Read(JsonElement value, FieldModel field)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString()!;
            if (CivilDays.TryRead(text, out var days) == text.Length)
            {
                return days;
            }

            // PostgreSQL renders infinite dates as words (Npgsql stores DateOnly.MaxValue and MinValue as them).
            switch (text)
            {
                case "infinity":
                    return long.MaxValue;
                case "-infinity":
                    return long.MinValue;
            }
        }

        throw Malformed(field, value, "a date (YYYY-MM-DD)");
    }

    /// <summary>As Npgsql binds it: <see cref="DateOnly.MinValue"/> and <see cref="DateOnly.MaxValue"/> are ±infinity.</summary>
    protected override long FromFilter(object value, FieldModel field)
    {
        var day = (DateOnly)value;
        return day == DateOnly.MaxValue ? long.MaxValue
            : day == DateOnly.MinValue ? long.MinValue
            : day.DayNumber - EpochDayNumber;
    }

    protected override int Order(long left, long right) => left.CompareTo(right);
}
