namespace PortCooperation.Web.Services.Mail;

/// <summary>Settings of the <c>Mail</c> section (see README's configuration table).</summary>
public sealed class MailOptions
{
    public const string SectionName = "Mail";

    /// <summary><c>Pickup</c> (default: .eml files in the data folder's <c>mail-pickup</c>) or <c>Smtp</c>.</summary>
    public string Transport { get; set; } = "Pickup";

    public string From { get; set; } = "no-reply@portcooperation.local";

    public string FromName { get; set; } = "Port Cooperation Portal";

    /// <summary>Absolute address the links in mails start with.</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";

    public string SmtpHost { get; set; } = "localhost";

    public int SmtpPort { get; set; } = 25;

    public bool SmtpEnableSsl { get; set; }

    public string? SmtpUserName { get; set; }

    public string? SmtpPassword { get; set; }

    /// <summary>Folder for the pickup transport; default <c>mail-pickup</c> under the data folder.</summary>
    public string? PickupDirectory { get; set; }

    /// <summary>Deliver the outbox in the background; off in tests that drive delivery themselves.</summary>
    public bool BackgroundDelivery { get; set; } = true;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>After this many failed tries a mail goes to the dead-letter state.</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>Wait after the first failure; doubles with each further failure.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a claimed mail stays reserved for one delivery process before another may take it.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    public int BatchSize { get; set; } = 50;
}
