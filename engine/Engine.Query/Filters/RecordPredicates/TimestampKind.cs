using System.Globalization;
using System.Text.Json;
using Engine.Metadata.Model;

namespace Engine.Query.Filters.RecordPredicates;

/// <summary>
/// DateTime as PostgreSQL's timestamptz: microseconds since 2000-01-01 UTC. Record values are Engine.Sql's
/// <c>YYYY-MM-DDTHH:MM:SS.ffffffZ</c> (other RFC 3339 forms are read too); a filter value is converted as Npgsql binds
/// it: extra ticks dropped toward the epoch, <see cref="DateTime.MaxValue"/> and <see cref="DateTime.MinValue"/> as
/// ±infinity.
/// </summary>
internal sealed class TimestampKind : ValueKindOf<long>
{
    public static readonly TimestampKind Instance = new();

    private const long MicrosecondsPerDay = 86_400_000_000;
    private const long EpochTicks = 630822816000000000;

    protected override long Read(JsonElement value, FieldModel field)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString()!;
            if (TryReadCanonical(text, out var micros))
            {
                return micros;
            }

            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
            {
                return (time.UtcTicks - EpochTicks) / TimeSpan.TicksPerMicrosecond;
            }
        }

        throw Malformed(field, value, "a timestamp (YYYY-MM-DDTHH:MM:SS.ffffffZ)");
    }

    protected override long FromFilter(object value, FieldModel field)
    {
        // Engine.Sql's ParameterFactory makes local times UTC (unspecified ones count as UTC), then Npgsql encodes.
        var time = (DateTime)value;
        var utc = time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time;
        if (utc.Ticks == DateTime.MaxValue.Ticks)
        {
            return long.MaxValue;
        }

        if (utc.Ticks == DateTime.MinValue.Ticks)
        {
            return long.MinValue;
        }

        return (utc.Ticks - EpochTicks) / TimeSpan.TicksPerMicrosecond;
    }

    protected override int Order(long left, long right) => left.CompareTo(right);

    /// <summary>Reads <c>Y…Y-MM-DDTHH:MM:SS.ffffffZ</c> (six fractional digits, any number of year digits from four).</summary>
    private static bool TryReadCanonical(ReadOnlySpan<char> text, out long micros)
    {
        micros = 0;
        var at = CivilDays.TryRead(text, out var days);
        var rest = text[at..];
        if (at == 0 || rest.Length != 17 || rest[0] != 'T' || rest[3] != ':' || rest[6] != ':' || rest[9] != '.' || rest[16] != 'Z'
            || !CivilDays.TryDigits(rest.Slice(1, 2), out var hour) || !CivilDays.TryDigits(rest.Slice(4, 2), out var minute)
            || !CivilDays.TryDigits(rest.Slice(7, 2), out var second) || !CivilDays.TryDigits(rest.Slice(10, 6), out var fraction))
        {
            return false;
        }

        micros = (days * MicrosecondsPerDay) + (((hour * 3600) + (minute * 60) + second) * 1_000_000) + fraction;
        return true;
    }
}
