using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using PortCooperation.Web.Domain;

namespace PortCooperation.Web.Services.Mail;

/// <summary>Hands one outbox mail to the outside world; throws when it could not.</summary>
public interface IMailTransport
{
    Task SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}

/// <summary>Builds the <see cref="MailMessage"/> both transports send: text + HTML alternatives, .ics, a stable Message-ID.</summary>
public static class OutboxMailMessage
{
    public static MailMessage Create(OutboxMessage message, MailOptions options)
    {
        var mail = new MailMessage
        {
            From = new MailAddress(options.From, options.FromName),
            Subject = message.Subject,
            SubjectEncoding = Encoding.UTF8,
            Body = message.BodyText,
            BodyEncoding = Encoding.UTF8,
            IsBodyHtml = false,
        };
        mail.To.Add(new MailAddress(message.ToAddress, message.ToName));
        // The same mail always carries the same Message-ID, so a copy re-sent after an interrupted delivery
        // (at-least-once) is recognisable as the same message by the receiving side.
        mail.Headers.Add("Message-ID", MessageId(message));
        mail.Headers.Add("X-Portal-Idempotency-Key", message.IdempotencyKey);
        if (message.BodyHtml is not null)
        {
            mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(message.BodyText, Encoding.UTF8, MediaTypeNames.Text.Plain));
            mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(message.BodyHtml, Encoding.UTF8, MediaTypeNames.Text.Html));
        }

        if (message.CalendarAttachment is not null)
        {
            var attachment = System.Net.Mail.Attachment.CreateAttachmentFromString(message.CalendarAttachment, "invitation.ics", Encoding.UTF8, "text/calendar");
            attachment.ContentType.Parameters["method"] = message.CalendarAttachment.Contains("METHOD:CANCEL", StringComparison.Ordinal) ? "CANCEL" : "REQUEST";
            mail.Attachments.Add(attachment);
        }

        if (message.AttachmentContent is { } content)
        {
            var file = new System.Net.Mail.Attachment(new MemoryStream(content, writable: false), message.AttachmentFileName ?? "attachment",
                message.AttachmentContentType ?? MediaTypeNames.Application.Octet);
            mail.Attachments.Add(file);
        }

        return mail;
    }

    public static string MessageId(OutboxMessage message)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(message.IdempotencyKey)))[..24];
        return $"<outbox-{message.Id}-{hash}@portcooperation.local>";
    }
}

/// <summary>SMTP through System.Net.Mail (MailKit is not available here).</summary>
public sealed class SmtpMailTransport(IOptions<MailOptions> options) : IMailTransport
{
    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var mail = OutboxMailMessage.Create(message, settings);
        using var client = new SmtpClient(settings.SmtpHost, settings.SmtpPort)
        {
            EnableSsl = settings.SmtpEnableSsl,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            Timeout = 30_000,
        };
        if (!string.IsNullOrEmpty(settings.SmtpUserName))
        {
            client.Credentials = new NetworkCredential(settings.SmtpUserName, settings.SmtpPassword);
        }

        await client.SendMailAsync(mail, cancellationToken);
    }
}

/// <summary>
/// The embedded default: each mail becomes an .eml file in the pickup folder, named after the outbox row, so a
/// repeated delivery overwrites the same file instead of adding a second one.
/// </summary>
public sealed class PickupFolderMailTransport(IOptions<MailOptions> options, IConfiguration configuration, IHostEnvironment environment) : IMailTransport
{
    public string Folder => options.Value.PickupDirectory is { Length: > 0 } configured
        ? Path.GetFullPath(configured, environment.ContentRootPath)
        : Path.Combine(Infrastructure.DataDirectory.Resolve(configuration, environment), "mail-pickup");

    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var scratch = Path.Combine(Folder, ".writing", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(scratch);
        try
        {
            using var mail = OutboxMailMessage.Create(message, options.Value);
            using var client = new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = scratch };
            await client.SendMailAsync(mail, cancellationToken);
            var written = Directory.GetFiles(scratch).Single();
            File.Move(written, Path.Combine(Folder, $"{message.Id:D8}.eml"), overwrite: true);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }
}
