using System.Text.RegularExpressions;

namespace PortCooperation.Web.Infrastructure.Operations;

/// <summary>
/// Keeps personal data and secrets out of logs (docs/quality.md S13): e-mail addresses become
/// <c>s***@example.org</c>, and path segments that look like tokens become <c>***</c>.
/// </summary>
public static partial class LogRedaction
{
    public const string Mask = "***";

    /// <summary>"someone@example.org" → "s***@example.org"; anything not shaped like an address → "***".</summary>
    public static string MaskEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return Mask;
        }

        var at = email.LastIndexOf('@');
        return at <= 0 || at == email.Length - 1
            ? Mask
            : string.Concat(email.AsSpan(0, 1), Mask, email.AsSpan(at));
    }

    /// <summary>Masks every e-mail address inside free text.</summary>
    public static string MaskEmails(string text) =>
        text.Contains('@', StringComparison.Ordinal) ? EmailPattern().Replace(text, m => MaskEmail(m.Value)) : text;

    /// <summary>
    /// A request path fit for the log: no query string (the caller passes Request.Path only), e-mail addresses
    /// masked, and segments that look like secrets (self-service links, reset codes) replaced by "***".
    /// </summary>
    public static string SanitisePath(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return "/";
        }

        var segments = path.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i].Contains('@', StringComparison.Ordinal) || segments[i].Contains("%40", StringComparison.OrdinalIgnoreCase))
            {
                segments[i] = MaskEmails(Uri.UnescapeDataString(segments[i]));
            }
            else if (LooksLikeSecret(segments[i]))
            {
                segments[i] = Mask;
            }
        }

        return string.Join('/', segments);
    }

    /// <summary>
    /// Random tokens mix upper case, lower case and digits, or are long hex/GUID strings; slugs
    /// ("covid-19-protocols") and numeric ids are lower case or digits only, and stay readable.
    /// </summary>
    internal static bool LooksLikeSecret(string segment)
    {
        if (segment.Length < 16 || !segment.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '=' or '.' or '~' or '%'))
        {
            return false;
        }

        var mixedCaseAndDigits = segment.Any(char.IsAsciiLetterUpper) && segment.Any(char.IsAsciiLetterLower) && segment.Any(char.IsAsciiDigit);
        var longHex = segment.Length >= 32 && segment.All(c => char.IsAsciiHexDigit(c) || c == '-');
        return mixedCaseAndDigits || longHex;
    }

    [GeneratedRegex(@"[^\s@<>()\[\]""',;:]+@[^\s@<>()\[\]""',;:]+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex EmailPattern();
}
