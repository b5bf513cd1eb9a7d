using System.Globalization;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace PortCooperation.IntegrationTests.Infrastructure;

/// <summary>
/// The request log's events (Serilog.AspNetCore's request logging), after the app's enrichers and redaction;
/// register it as a service (<see cref="ILogEventSink"/>) and the app's logger writes to it too.
/// </summary>
internal sealed class RequestLog : ILogEventSink
{
    private readonly List<LogEvent> _events = [];

    public IReadOnlyList<LogEvent> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>The request lines' messages as the log file shows them (strings without quotes).</summary>
    public IReadOnlyList<string> Lines => [.. Events.Select(Render)];

    private static string Render(LogEvent logEvent)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        new MessageTemplateTextFormatter("{Message:lj}", CultureInfo.InvariantCulture).Format(logEvent, text);
        return text.ToString();
    }

    public void Emit(LogEvent logEvent)
    {
        if (logEvent.Properties.TryGetValue(Constants.SourceContextPropertyName, out var source)
            && source is ScalarValue { Value: "Serilog.AspNetCore.RequestLoggingMiddleware" })
        {
            lock (_events)
            {
                _events.Add(logEvent);
            }
        }
    }
}
