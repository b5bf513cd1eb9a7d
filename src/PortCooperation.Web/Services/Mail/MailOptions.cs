namespace PortCooperation.Web.Services.Mail;

/// <summary>How the SMTP connection is protected (MailKit's secure socket options, by the same names).</summary>
public enum MailSecurity
{
    /// <summary>Plain text, even if the server offers STARTTLS (only for a relay on the same machine).</summary>
    None,

    /// <summary>STARTTLS whenever the server offers it, plain text otherwise.</summary>
    StartTlsWhenAvailable,

    /// <summary>STARTTLS, and no mail at all through a server that does not offer it.</summary>
    StartTls,

    /// <summary>TLS from the first byte (usually port 465).</summary>
    SslOnConnect,
}

/// <summary>Whether the registration form accepts addresses whose local part is not ASCII (<c>núñez@…</c>).</summary>
public enum InternationalAddresses
{
    /// <summary>SMTP: as the server's EHLO says (SMTPUTF8); pickup folder: accepted.</summary>
    Auto,
    Accept,
    Refuse,
}

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

    /// <summary>Unset: STARTTLS when the server offers it (or required, where the former switch asks for it).</summary>
    public MailSecurity? SmtpSecurity { get; set; }

    /// <summary>
    /// The former switch: <c>true</c> meant "STARTTLS required". Still honoured when <see cref="SmtpSecurity"/> is not
    /// set, so an existing deployment does not silently drop to opportunistic TLS.
    /// </summary>
    public bool? SmtpEnableSsl { get; set; }

    /// <summary>SHA-256 (or SHA-1) fingerprint of a server certificate to trust although no authority signed it.</summary>
    public string? SmtpTrustedCertificate { get; set; }

    public string? SmtpUserName { get; set; }

    public string? SmtpPassword { get; set; }

    /// <summary>How long one SMTP command (connect, each reply, the message data) may take.</summary>
    public TimeSpan SmtpTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public InternationalAddresses InternationalAddresses { get; set; } = InternationalAddresses.Auto;

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

    /// <summary>The transport security in force.</summary>
    public MailSecurity Security => SmtpSecurity ?? (SmtpEnableSsl == true ? MailSecurity.StartTls : MailSecurity.StartTlsWhenAvailable);
}
