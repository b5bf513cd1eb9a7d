namespace PortCooperation.Web.Services.Registrations;

public static class EmailAddresses
{
    /// <summary>The uniqueness key of an address: trimmed and lower-cased (quality.md R2).</summary>
    public static string Normalise(string email) => email.Trim().ToLowerInvariant();

    /// <summary>"j***@example.org": enough for a log line, never the full address (S13).</summary>
    public static string Mask(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 ? "***" : email[0] + "***" + email[at..];
    }
}
