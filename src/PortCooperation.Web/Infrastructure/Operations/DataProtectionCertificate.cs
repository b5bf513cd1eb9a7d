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
