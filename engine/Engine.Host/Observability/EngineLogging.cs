using Microsoft.Extensions.Logging.Console;

namespace Engine.Host.Observability;

/// <summary>
/// Console logs: JSON lines on stdout by default (<c>Logging:Console:FormatterName</c> is <c>json</c> in appsettings,
/// for container log collectors), each with the trace and span ids of the request it belongs to; set the formatter to
/// <c>simple</c> for human-readable lines.
/// </summary>
internal static class EngineLogging
{
    public static void Configure(WebApplicationBuilder builder)
    {
        // Read explicitly (when the options are built, after any override): the slim builder does not bind the console
        // provider's options from configuration.
        var configuration = builder.Configuration;
        builder.Logging.AddConsole(o => o.FormatterName =
            configuration["Logging:Console:FormatterName"] is { Length: > 0 } name ? name : ConsoleFormatterNames.Json);
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        builder.Services.Configure<JsonConsoleFormatterOptions>(o =>
        {
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            o.UseUtcTimestamp = true;
            o.IncludeScopes = true;
        });
        builder.Services.Configure<SimpleConsoleFormatterOptions>(o =>
        {
            o.TimestampFormat = "HH:mm:ss.fff ";
            o.UseUtcTimestamp = true;
            o.SingleLine = true;
        });
    }
}
