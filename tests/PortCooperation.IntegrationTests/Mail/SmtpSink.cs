using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MimeKit;
using PortCooperation.IntegrationTests.Infrastructure;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace PortCooperation.IntegrationTests.Mail;

/// <summary>How the in-process SMTP server presents itself.</summary>
public enum SinkSecurity
{
    /// <summary>Plain text only (no certificate, so no STARTTLS).</summary>
    Plain,

    /// <summary>Plain connection that offers STARTTLS with a self-signed certificate.</summary>
    StartTls,

    /// <summary>TLS from the first byte (the port-465 way).</summary>
    TlsOnConnect,
}

/// <summary>
/// A real SMTP server on a free loopback port, in the test process (the SmtpServer package); every mail it accepts is
/// parsed with MimeKit. It can be stopped and started again on the same port (to show what the outbox does while the
/// mail server is down), can answer the next DATA with a chosen reply or drop the connection, and records how each
/// mail came in (TLS or not, which user authenticated, which session).
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedMail> _received = new();
    private readonly ConcurrentQueue<Func<SmtpResponse?>> _answers = new();
    private SmtpServer.SmtpServer? _server;
    private CancellationTokenSource? _stop;
    private Task? _running;
    private int _sessions;
    private int _logins;

    public SmtpSink(
        SinkSecurity security = SinkSecurity.Plain, bool offerSmtpUtf8 = true, (string User, string Password)? requireLogin = null, bool loginInClear = false)
    {
        LoginInClear = loginInClear;
        Security = security;
        OfferSmtpUtf8 = offerSmtpUtf8;
        RequiredLogin = requireLogin;
        Port = PostgresCluster.FreeLoopbackPort();
        Certificate = security == SinkSecurity.Plain ? null : SelfSignedCertificate();
    }

    public SinkSecurity Security { get; }

    public bool OfferSmtpUtf8 { get; }

    public (string User, string Password)? RequiredLogin { get; }

    public int Port { get; }

    /// <summary>Offers AUTH on a connection without TLS (as a careless relay would).</summary>
    public bool LoginInClear { get; }

    /// <summary>How many AUTH attempts reached the server, successful or not.</summary>
    public int Logins => Volatile.Read(ref _logins);

    /// <summary>The server's self-signed certificate (null for <see cref="SinkSecurity.Plain"/>).</summary>
    public X509Certificate2? Certificate { get; }

    /// <summary>How many SMTP sessions (connections) were opened so far.</summary>
    public int Sessions => Volatile.Read(ref _sessions);

    /// <summary>The next DATA is answered with this reply (e.g. 451 or 550) instead of being stored.</summary>
    public void AnswerNextData(SmtpReplyCode code, string text) => _answers.Enqueue(() => new SmtpResponse(code, text));

    /// <summary>The next DATA is read in full and then the connection is closed without any answer.</summary>
    public void DropNextData() => _answers.Enqueue(() => null);

    public async Task StartAsync()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("sink.test")
            .Endpoint(endpoint =>
            {
                endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))
                    .IsSecure(Security == SinkSecurity.TlsOnConnect)
                    .AllowUnsecureAuthentication(LoginInClear)
                    .AuthenticationRequired(RequiredLogin is not null);
                if (Certificate is not null)
                {
                    endpoint.Certificate(Certificate);
                }
            })
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var listeners = new EndpointListenerFactory();
        listeners.EndpointStarted += (_, _) => started.TrySetResult();
        services.Add(listeners);
        services.Add(new Store(this));
        services.Add(new Commands(OfferSmtpUtf8));
        if (RequiredLogin is { } login)
        {
            services.Add(new DelegatingUserAuthenticator((user, password) =>
            {
                Interlocked.Increment(ref _logins);
                return user == login.User && password == login.Password;
            }));
        }

        _server = new SmtpServer.SmtpServer(options, services);
        _server.SessionCreated += (_, _) => Interlocked.Increment(ref _sessions);
        _stop = new CancellationTokenSource();
        _running = _server.StartAsync(_stop.Token);
        await Task.WhenAny(started.Task, _running).WaitAsync(TimeSpan.FromSeconds(30));
        if (_running.IsFaulted)
        {
            await _running;
        }
    }

    public async Task StopAsync()
    {
        if (_server is null)
        {
            return;
        }

        await _stop!.CancelAsync();
        try
        {
            await _running!.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
        _server = null;
    }

    /// <summary>The mails received so far, in the order of their Message-ID.</summary>
    public IReadOnlyList<ReceivedMail> Messages() => [.. _received.OrderBy(m => m.MessageId, StringComparer.Ordinal)];

    /// <summary>App settings that point the portal's SMTP transport at this server (and trust its certificate).</summary>
    public Dictionary<string, string?> AppSettings()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Mail:Transport"] = "Smtp",
            ["Mail:SmtpHost"] = "127.0.0.1",
            ["Mail:SmtpPort"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:SmtpTimeout"] = "00:00:10",
        };
        if (Certificate is not null)
        {
            settings["Mail:SmtpTrustedCertificate"] = Certificate.GetCertHashString(HashAlgorithmName.SHA256);
        }

        if (Security == SinkSecurity.TlsOnConnect)
        {
            settings["Mail:SmtpSecurity"] = "SslOnConnect";
        }

        if (RequiredLogin is { } login)
        {
            settings["Mail:SmtpUserName"] = login.User;
            settings["Mail:SmtpPassword"] = login.Password;
        }

        return settings;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Certificate?.Dispose();
    }

    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=sink.test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("sink.test");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        // SslStream on Linux wants a certificate whose private key came from a PFX, not an ephemeral one.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    private sealed class Store(SmtpSink sink) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (sink._answers.TryDequeue(out var answer))
            {
                var response = answer();
                if (response is null)
                {
                    // Drop the connection after the whole message was read, before any answer.
                    context.Pipe.Dispose();
                    throw new OperationCanceledException("connection dropped by the test");
                }

                return Task.FromResult(response);
            }

            using var stream = new MemoryStream(buffer.ToArray());
            var message = MimeMessage.Load(stream, cancellationToken);
            sink._received.Enqueue(ReceivedMail.Parse(message, transaction, context));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }

    /// <summary>EHLO with or without SMTPUTF8 among its extensions.</summary>
    private sealed class Commands(bool offerSmtpUtf8) : SmtpCommandFactory
    {
        public override SmtpCommand CreateEhlo(string domainOrAddress) => offerSmtpUtf8 ? base.CreateEhlo(domainOrAddress) : new AsciiEhlo(domainOrAddress);

        private sealed class AsciiEhlo(string domainOrAddress) : EhloCommand(domainOrAddress)
        {
            protected override IEnumerable<string> GetExtensions(ISessionContext context) => base.GetExtensions(context).Where(e => e != "SMTPUTF8");
        }
    }
}

/// <summary>One mail as the SMTP server received it: envelope, how it came in, and the MimeKit message.</summary>
public sealed record ReceivedMail(
    string From, List<string> To, string Subject, string MessageId, string IdempotencyKey, string? Text, string? Html,
    List<ReceivedAttachment> Attachments, MimeMessage Message, bool Secure, string? User, Guid Session)
{
    public static ReceivedMail Parse(MimeMessage message, IMessageTransaction transaction, ISessionContext context)
    {
        var attachments = message.Attachments.OfType<MimePart>().Select(part =>
        {
            using var content = new MemoryStream();
            part.Content?.DecodeTo(content);
            var text = part is TextPart textPart ? textPart.Text : Convert.ToBase64String(content.ToArray());
            return new ReceivedAttachment(part.FileName, part.ContentType.MimeType, text, part.ContentType);
        }).ToList();
        return new ReceivedMail(
            Address(transaction.From),
            [.. transaction.To.Select(Address)],
            message.Subject ?? "",
            "<" + message.MessageId + ">",
            message.Headers["X-Portal-Idempotency-Key"] ?? "",
            message.TextBody,
            message.HtmlBody,
            attachments,
            message,
            context.Pipe.IsSecure,
            context.Authentication.IsAuthenticated ? context.Authentication.User : null,
            context.SessionId);
    }

    private static string Address(SmtpServer.Mail.IMailbox mailbox) => $"{mailbox.User}@{mailbox.Host}";
}

public sealed record ReceivedAttachment(string? Filename, string ContentType, string Content, ContentType Type);
