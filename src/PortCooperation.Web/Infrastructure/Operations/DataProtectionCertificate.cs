using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PortCooperation.Web.Infrastructure.Operations;

/// <summary>
/// The certificate that encrypts the Data Protection keys in the database: a PKCS#12 file
/// (<c>DataProtection:CertificatePath</c>, with <c>DataProtection:CertificatePassword</c> when it has one).
/// None configured: keys are stored unencrypted, as Data Protection does on Linux by default.
/// </summary>
public static class DataProtectionCertificate
{
    /// <summary>The category Data Protection's key manager logs under.</summary>
    private const string KeyManagerSource = "Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager";

    public static bool IsConfigured(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration["DataProtection:CertificatePath"]);

    /// <summary>
    /// Data Protection's warning that a new key "may be persisted to storage in unencrypted form", when no certificate
    /// is configured. That is the documented default here; instead of a warning at every key rotation the operator
    /// gets one Information line at start-up saying how to encrypt the keys (<see cref="NoticeWhenAbsent"/>).
    /// </summary>
    public static bool IsUnencryptedKeyWarning(Serilog.Events.LogEvent logEvent) =>
        logEvent.Level == Serilog.Events.LogEventLevel.Warning
        && logEvent.Properties.TryGetValue(Serilog.Core.Constants.SourceContextPropertyName, out var source)
        && source is Serilog.Events.ScalarValue { Value: KeyManagerSource }
        && logEvent.MessageTemplate.Text.StartsWith("No XML encryptor configured", StringComparison.Ordinal);

    /// <summary>Logs, once at start-up, that the keys are stored unencrypted and how to change that.</summary>
    public sealed class NoticeWhenAbsent(ILogger<NoticeWhenAbsent> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            logger.LogInformation(
                "Data Protection keys (sign-in cookies, account links) are stored unencrypted in the database; to encrypt them, set DataProtection:CertificatePath to a PKCS#12 file (docs/operations.md, Keys)");
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    public static X509Certificate2? Load(IConfiguration configuration)
    {
        var path = configuration["DataProtection:CertificatePath"];
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration["DataProtection:CertificatePassword"], X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new StartupConfigurationException(
                $"The certificate in DataProtection:CertificatePath ('{path}') cannot be read: {ex.Message} Check the file and DataProtection:CertificatePassword.", ex);
        }

        return certificate.HasPrivateKey
            ? certificate
            : throw new StartupConfigurationException($"The certificate in DataProtection:CertificatePath ('{path}') has no private key; Data Protection needs it to read its keys back.");
    }
}
