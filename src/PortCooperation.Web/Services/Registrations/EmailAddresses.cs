using MimeKit;

namespace PortCooperation.Web.Services.Registrations;

/// <summary>
/// What counts as an e-mail address, decided by the same parser the mail is sent with (MimeKit), so the address a
/// person typed, the one stored and the one delivered to are one and the same string.
/// </summary>
public static class EmailAddresses
{
    // Strict RFC parsing: no display names, groups or routes slipping through as "an address".
    private static readonly ParserOptions _strict = new()
    {
        AddressParserComplianceMode = RfcComplianceMode.Strict,
        AllowAddressesWithoutDomain = false,
        AllowUnquotedCommasInAddresses = false,
        MaxAddressGroupDepth = 0,
    };

    /// <summary>
    /// The address as it will be stored and delivered to: <paramref name="input"/> without surrounding white space, if
    /// that is exactly one bare mailbox (<c>local@domain</c>); null for anything else — a name before it, a second
    /// address, a space or a line break inside.
    /// </summary>
    public static string? Parse(string? input)
    {
        var trimmed = input?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > 254 || trimmed.Any(char.IsControl)
            || !MailboxAddress.TryParse(_strict, trimmed, out var mailbox)
            || !string.IsNullOrEmpty(mailbox.Name) || mailbox.Route.Count > 0
            || mailbox.Address != trimmed || mailbox.Domain.Length == 0 || mailbox.LocalPart.Length == 0)
        {
            return null;
        }

        return trimmed;
    }

    /// <summary>
    /// <see cref="Parse"/> plus what a public registration needs to be deliverable on the Internet: a domain name of
    /// two or more labels (no "localhost", no address literal), each label 1–63 letters, digits or hyphens (letters of
    /// any script: international domains), without a hyphen at either end, no empty label (no ".." or trailing dot),
    /// and a top-level label that is not a number. Null when any of it fails.
    /// </summary>
    public static string? ParseForRegistration(string? input)
    {
        var address = Parse(input);
        if (address is null)
        {
            return null;
        }

        var domain = DomainOf(address);
        var labels = domain.Split('.');
        var valid = domain.Length <= 253 && labels.Length >= 2
            && labels.All(l => l.Length is >= 1 and <= 63 && l[0] != '-' && l[^1] != '-' && l.All(c => char.IsLetterOrDigit(c) || c == '-'))
            && !labels[^1].All(char.IsAsciiDigit);
        return valid ? address : null;
    }

    /// <summary>The part after the last @.</summary>
    public static string DomainOf(string address) => address[(address.LastIndexOf('@') + 1)..];

    /// <summary>Whether the part before the @ has characters outside ASCII: such an address needs a server with SMTPUTF8.</summary>
    public static bool NeedsSmtpUtf8(string address)
    {
        var at = address.LastIndexOf('@');
        return address.AsSpan(0, at < 0 ? address.Length : at).ContainsAnyExceptInRange((char)0, (char)127);
    }

    /// <summary>The uniqueness key of an address: trimmed and lower-cased.</summary>
    public static string Normalise(string email) => email.Trim().ToLowerInvariant();

    /// <summary>"j***@example.org": enough for a log line, never the full address.</summary>
    public static string Mask(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 ? "***" : email[0] + "***" + email[at..];
    }
}
