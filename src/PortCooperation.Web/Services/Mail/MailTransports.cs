using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Registrations;

namespace PortCooperation.Web.Services.Mail;

/// <summary>Hands outbox mails to the outside world, one delivery round at a time.</summary>
public interface IMailTransport
{
    /// <summary>Starts a delivery round; the SMTP transport keeps one connection open for all its mails.</summary>
    IMailRound BeginRound();
}

/// <summary>One delivery round; <see cref="SendAsync"/> throws when a mail could not be handed over.</summary>
public interface IMailRound : IAsyncDisposable
{
    Task SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// The server refused this mail for good (a 5xx answer, or an address it cannot take): trying again would bring the
/// same answer, so the mail goes to the dead-letter state at once with the answer for staff to read.
/// </summary>
public sealed class PermanentMailFailureException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Builds the one MimeKit message both transports send: <c>multipart/mixed</c> holding <c>multipart/alternative</c>
/// (text, then HTML) and the attachments (the <c>.ics</c> as <c>text/calendar</c> with the method its content
/// declares), names as encoded display names, a stable Message-ID and the Date.
/// </summary>
public static class OutboxMailMessage
{
    public static MimeMessage Create(OutboxMessage message, MailOptions options, DateTimeOffset date)
    {
        var mail = new MimeMessage
        {
            Subject = message.Subject,
            Date = date,
            // The same mail always carries the same Message-ID, so a copy re-sent after an interrupted delivery
            // (at-least-once) is recognisable as the same message by the receiving side.
            MessageId = MessageId(message).Trim('<', '>'),
        };
        mail.From.Add(new MailboxAddress(options.FromName, options.From));
        // The name is only ever a display name: MimeKit quotes or encodes it, so no name can add a recipient.
        mail.To.Add(new MailboxAddress(message.ToName ?? "", message.ToAddress));
        mail.Headers.Add("X-Portal-Idempotency-Key", message.IdempotencyKey);

        MimeEntity body = Text("plain", message.BodyText);
        if (message.BodyHtml is not null)
        {
            body = new MultipartAlternative { body, Text("html", message.BodyHtml) };
        }

        var attachments = new List<MimeEntity>();
        if (message.CalendarAttachment is not null)
        {
            var calendar = Text("calendar", message.CalendarAttachment);
            calendar.ContentType.Parameters.Add("method", CalendarMethod(message.CalendarAttachment));
            calendar.ContentType.Name = "invitation.ics";
            calendar.ContentDisposition = new ContentDisposition(ContentDisposition.Attachment) { FileName = "invitation.ics" };
            attachments.Add(calendar);
        }

        if (message.AttachmentContent is { } content)
        {
            attachments.Add(new MimePart(ContentType.Parse(message.AttachmentContentType ?? "application/octet-stream"))
            {
                Content = new MimeContent(new MemoryStream(content, writable: false)),
                ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
                ContentTransferEncoding = ContentEncoding.Base64,
                FileName = message.AttachmentFileName ?? "attachment",
            });
        }

        if (attachments.Count > 0)
        {
            var mixed = new Multipart("mixed") { body };
            attachments.ForEach(mixed.Add);
            body = mixed;
        }

        mail.Body = body;
        return mail;
    }

    public static string MessageId(OutboxMessage message)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(message.IdempotencyKey)))[..24];
        return $"<outbox-{message.Id}-{hash}@portcooperation.local>";
    }

    /// <summary>Format options for writing the message: UTF-8 headers only where an address needs them.</summary>
    public static FormatOptions Format(OutboxMessage message)
    {
        var format = FormatOptions.Default.Clone();
        format.International = EmailAddresses.NeedsSmtpUtf8(message.ToAddress);
        return format;
    }

    private static TextPart Text(string subtype, string text)
    {
        var part = new TextPart(subtype);
        part.SetText(Encoding.UTF8, text);
        return part;
    }

    /// <summary>The METHOD the calendar declares (REQUEST, CANCEL or PUBLISH): the part's header must say the same.</summary>
    private static string CalendarMethod(string ics)
    {
        foreach (var line in ics.Split('\n'))
        {
            if (line.StartsWith("METHOD:", StringComparison.OrdinalIgnoreCase))
            {
                return line["METHOD:".Length..].Trim();
            }
        }

        return "PUBLISH";
    }
}

/// <summary>
/// SMTP through MailKit: transport security as configured (a self-signed relay certificate can be trusted by its
/// fingerprint), authentication when a user name is set, a timeout per command, and one connection per delivery
/// round. What the server's EHLO said about SMTPUTF8 is kept in <see cref="MailServerCapabilities"/>.
/// </summary>
public sealed class SmtpMailTransport(IOptions<MailOptions> options, MailServerCapabilities capabilities, TimeProvider clock) : IMailTransport
{
    public IMailRound BeginRound() => new Round(this);

    private MimeMessage Build(OutboxMessage message) => OutboxMailMessage.Create(message, options.Value, clock.GetUtcNow());

    /// <summary>Connects, reads the server's capabilities and leaves; null when the server cannot be reached.</summary>
    public async Task<bool?> ProbeSmtpUtf8Async(CancellationToken cancellationToken)
    {
        using var client = new SmtpClient();
        try
        {
            await ConnectAsync(client, authenticate: false, cancellationToken);
            // Read before leaving: a disconnected client knows no capabilities.
            var smtpUtf8 = client.Capabilities.HasFlag(SmtpCapabilities.UTF8);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return smtpUtf8;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private async Task ConnectAsync(SmtpClient client, bool authenticate, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        client.Timeout = (int)Math.Clamp(settings.SmtpTimeout.TotalMilliseconds, 1_000, int.MaxValue);
        client.ServerCertificateValidationCallback = (_, certificate, _, errors) =>
            errors == System.Net.Security.SslPolicyErrors.None || IsTrusted(certificate, settings.SmtpTrustedCertificate);
        await client.ConnectAsync(settings.SmtpHost, settings.SmtpPort, settings.Security switch
        {
            MailSecurity.None => SecureSocketOptions.None,
            MailSecurity.StartTls => SecureSocketOptions.StartTls,
            MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.StartTlsWhenAvailable,
        }, cancellationToken);
        capabilities.Remember(client.Capabilities.HasFlag(SmtpCapabilities.UTF8));
        if (authenticate && !string.IsNullOrEmpty(settings.SmtpUserName))
        {
            if (!client.IsSecure && settings.Security != MailSecurity.None)
            {
                // STARTTLS was not offered: the password stays home rather than cross the network in clear.
                throw new AuthenticationException("The SMTP server offered no TLS; the password is not sent in clear (Mail:SmtpSecurity=None would allow it).");
            }

            await client.AuthenticateAsync(settings.SmtpUserName, settings.SmtpPassword ?? "", cancellationToken);
        }
    }

    private static bool IsTrusted(System.Security.Cryptography.X509Certificates.X509Certificate? certificate, string? fingerprint)
    {
        if (certificate is null || string.IsNullOrWhiteSpace(fingerprint))
        {
            return false;
        }

        var wanted = new string([.. fingerprint.Where(char.IsAsciiHexDigit)]);
        return string.Equals(wanted, certificate.GetCertHashString(HashAlgorithmName.SHA256), StringComparison.OrdinalIgnoreCase)
            || string.Equals(wanted, certificate.GetCertHashString(), StringComparison.OrdinalIgnoreCase);
    }

    private sealed class Round(SmtpMailTransport transport) : IMailRound
    {
        private readonly SmtpClient _client = new();
        private Exception? _unreachable;

        public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            if (_unreachable is not null)
            {
                // The server could not be reached at the start of this round: the other mails wait for the next one
                // instead of each waiting for its own timeout.
                throw new IOException(_unreachable.Message, _unreachable);
            }

            if (!_client.IsConnected)
            {
                try
                {
                    await transport.ConnectAsync(_client, authenticate: true, cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    _unreachable = ex;
                    throw;
                }
            }

            if (EmailAddresses.NeedsSmtpUtf8(message.ToAddress) && !_client.Capabilities.HasFlag(SmtpCapabilities.UTF8))
            {
                throw new PermanentMailFailureException("The mail server does not offer SMTPUTF8, so it cannot take this international address.");
            }

            var mail = transport.Build(message);
            try
            {
                await _client.SendAsync(OutboxMailMessage.Format(message), mail, cancellationToken);
            }
            catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500)
            {
                throw new PermanentMailFailureException($"{(int)ex.StatusCode} {ex.Message}", ex);
            }
            catch (SmtpCommandException ex)
            {
                throw new IOException($"{(int)ex.StatusCode} {ex.Message}", ex);
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (_client.IsConnected)
                {
                    await _client.DisconnectAsync(quit: true, CancellationToken.None);
                }
            }
            catch (Exception ex) when (ex is IOException or ProtocolException or SmtpCommandException or TimeoutException)
            {
                // Saying goodbye failed: the mails of the round are delivered already.
            }
            finally
            {
                _client.Dispose();
            }
        }
    }
}

/// <summary>
/// The embedded default: each mail becomes an .eml file in the pickup folder, named after the outbox row, so a
/// repeated delivery overwrites the same file instead of adding a second one. X-Sender and X-Receiver carry the bare
/// addresses for relays that deliver pickup files by them.
/// </summary>
public sealed class PickupFolderMailTransport(IOptions<MailOptions> options, IConfiguration configuration, IHostEnvironment environment, TimeProvider clock)
    : IMailTransport, IMailRound
{
    public string Folder => options.Value.PickupDirectory is { Length: > 0 } configured
        ? Path.GetFullPath(configured, environment.ContentRootPath)
        : Path.Combine(Infrastructure.DataDirectory.Resolve(configuration, environment), "mail-pickup");

    public IMailRound BeginRound() => this;

    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var mail = OutboxMailMessage.Create(message, options.Value, clock.GetUtcNow());
        mail.Headers.Insert(0, new Header("X-Receiver", message.ToAddress));
        mail.Headers.Insert(0, new Header("X-Sender", options.Value.From));
        var format = OutboxMailMessage.Format(message);
        mail.Prepare(format.International ? EncodingConstraint.EightBit : EncodingConstraint.SevenBit);
        var scratch = Path.Combine(Folder, ".writing");
        Directory.CreateDirectory(scratch);
        var partial = Path.Combine(scratch, Guid.NewGuid().ToString("N") + ".eml");
        try
        {
            await mail.WriteToAsync(format, partial, cancellationToken);
            File.Move(partial, FileOf(message.Id), overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>Removes the files of these outbox rows (erasure of the registration they were about).</summary>
    public void Delete(IEnumerable<long> ids)
    {
        if (!Directory.Exists(Folder))
        {
            return;
        }

        foreach (var id in ids)
        {
            File.Delete(FileOf(id));
        }
    }

    private string FileOf(long id) => Path.Combine(Folder, $"{id:D8}.eml");

    ValueTask IAsyncDisposable.DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>
/// Whether the configured SMTP server takes international addresses (SMTPUTF8): what its EHLO said at the last
/// connection, or, before any, a one-off probe. The registration form asks this so nobody registers with an address
/// no mail can reach.
/// </summary>
public sealed class MailServerCapabilities(IOptions<MailOptions> options, IServiceProvider services) : IDisposable
{
    private volatile StrongBox<bool>? _smtpUtf8;
    private readonly SemaphoreSlim _probe = new(1, 1);

    internal void Remember(bool smtpUtf8) => _smtpUtf8 = new StrongBox<bool>(smtpUtf8);

    public void Dispose() => _probe.Dispose();

    /// <summary>Whether an address with a non-ASCII local part can be delivered (unknown, unreachable server: no).</summary>
    public async Task<bool> AcceptsInternationalAddressesAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        switch (settings.InternationalAddresses)
        {
            case InternationalAddresses.Accept:
                return true;
            case InternationalAddresses.Refuse:
                return false;
        }

        if (!string.Equals(settings.Transport, "Smtp", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (_smtpUtf8 is { } known)
        {
            return known.Value;
        }

        await _probe.WaitAsync(cancellationToken);
        try
        {
            if (_smtpUtf8 is null && await services.GetRequiredService<SmtpMailTransport>().ProbeSmtpUtf8Async(cancellationToken) is { } probed)
            {
                Remember(probed);
            }

            return _smtpUtf8?.Value ?? false;
        }
        finally
        {
            _probe.Release();
        }
    }
}
