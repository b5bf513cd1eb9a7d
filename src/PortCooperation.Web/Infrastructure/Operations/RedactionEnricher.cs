using Serilog.Core;
using Serilog.Events;

namespace PortCooperation.Web.Infrastructure.Operations;

/// <summary>
/// A last line of defence for docs/quality.md S13, applied to every log event whatever wrote it (our code,
/// ASP.NET Core, EF Core): properties named like secrets are replaced by "***", e-mail addresses in any
/// string property are masked, and request paths lose token-like segments. Message templates are constants,
/// so masking the properties masks the rendered message too. Exception texts are not rewritten.
/// </summary>
public sealed class RedactionEnricher : ILogEventEnricher
{
    private static readonly string[] _secretNameParts = ["password", "token", "secret", "cookie", "authorization"];

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        foreach (var (name, value) in logEvent.Properties.ToList())
        {
            var redacted = IsSecretName(name) || IsQueryWithValues(name, value)
                ? new ScalarValue(LogRedaction.Mask)
                : Redact(value, IsPathName(name));
            if (!ReferenceEquals(redacted, value))
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, redacted));
            }
        }
    }

    private static bool IsSecretName(string name) =>
        _secretNameParts.Any(part => name.Contains(part, StringComparison.OrdinalIgnoreCase))
        && !name.Equals("StatusCode", StringComparison.OrdinalIgnoreCase)
        && !name.EndsWith("Id", StringComparison.Ordinal);

    // ASP.NET Core's "Request starting/finished" events carry the query string, where self-service tokens and
    // e-mail addresses travel (?token=…&email=…): it is dropped whole, as our own request log never writes it.
    private static bool IsQueryWithValues(string name, LogEventPropertyValue value) =>
        name.Equals("QueryString", StringComparison.OrdinalIgnoreCase) && value is ScalarValue { Value: string { Length: > 0 } };

    private static bool IsPathName(string name) =>
        name.EndsWith("Path", StringComparison.OrdinalIgnoreCase) || name.Equals("Url", StringComparison.OrdinalIgnoreCase);

    private static LogEventPropertyValue Redact(LogEventPropertyValue value, bool isPath)
    {
        switch (value)
        {
            case ScalarValue { Value: string text }:
                // Framework events carry paths under other names too (routing's "value"): any slash-separated
                // string without spaces is treated as a path.
                var cleaned = isPath || (text.Contains('/', StringComparison.Ordinal) && !text.Contains(' ', StringComparison.Ordinal))
                    ? LogRedaction.MaskEmails(LogRedaction.SanitisePath(text))
                    : LogRedaction.MaskEmails(text);
                return cleaned == text ? value : new ScalarValue(cleaned);
            case SequenceValue sequence:
                var items = sequence.Elements.Select(e => Redact(e, isPath)).ToList();
                return items.SequenceEqual(sequence.Elements) ? value : new SequenceValue(items);
            case StructureValue structure:
                var properties = structure.Properties
                    .Select(p => IsSecretName(p.Name) ? new LogEventProperty(p.Name, new ScalarValue(LogRedaction.Mask)) : new LogEventProperty(p.Name, Redact(p.Value, IsPathName(p.Name))))
                    .ToList();
                return new StructureValue(properties, structure.TypeTag);
            default:
                return value;
        }
    }
}
