using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PortCooperation.IntegrationTests.Web;

namespace PortCooperation.IntegrationTests.Operations;

/// <summary>
/// The key ring is kept by Data Protection's Entity Framework store, in the table the portal's earlier hand-written
/// repository filled: a key that repository wrote still unprotects what it protected (links in mails already
/// sent, sign-ins already made). With a certificate configured, keys are encrypted at rest and still read back.
/// </summary>
public sealed class DataProtectionKeyStoreTests
{
    private const string Purpose = "PortCooperation.Tests.KeyStore";

    [Fact]
    public async Task AKeyRowWrittenByTheEarlierRepository_StillUnprotectsWhatItProtected()
    {
        // A key made and protected with outside the app, stored as the earlier repository stored it: one row per
        // key element, the element's XML without formatting, the friendly name Data Protection passed.
        var written = new ListRepository();
        using var before = new ServiceCollection()
            .AddLogging()
            .AddDataProtection().SetApplicationName("PortCooperation").Services
            .Configure<KeyManagementOptions>(o => o.XmlRepository = written)
            .BuildServiceProvider();
        var payload = before.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Protect("registration link made last year");
        var (friendlyName, element) = written.Elements.ShouldHaveSingleItem();

        using var factory = new WebFactory();
        await factory.WithDbAsync(db => db.Database.ExecuteSqlAsync(
            $"INSERT INTO \"DataProtectionKeys\" (\"FriendlyName\", \"Xml\") VALUES ({friendlyName}, {element.ToString(SaveOptions.DisableFormatting)})"));

        using var restarted = new WebFactory(settings: new Dictionary<string, string?> { ["Data:Directory"] = factory.DataDirectory });
        var protector = restarted.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);

        protector.Unprotect(payload).ShouldBe("registration link made last year");
    }

    [Fact]
    public async Task WithACertificate_KeysAreEncryptedAtRest_AndASecondInstanceReadsThem()
    {
        using var factory = new WebFactory(settings: CertificateSettings(out var certificateFile));
        var payload = factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Protect("signed in");

        var rows = await factory.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml).ToListAsync());
        rows.ShouldNotBeEmpty();
        rows.ShouldAllBe(xml => xml != null && xml.Contains("EncryptedData", StringComparison.Ordinal) && !xml.Contains("<masterKey", StringComparison.Ordinal));

        var settings = CertificateSettings(out _, certificateFile);
        settings["Data:Directory"] = factory.DataDirectory;
        using var second = new WebFactory(settings: settings);
        second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Unprotect(payload).ShouldBe("signed in");
    }

    private static Dictionary<string, string?> CertificateSettings(out string file, string? existing = null)
    {
        file = existing ?? Path.Combine(Path.GetTempPath(), "portal-tests", $"dp-{Guid.NewGuid():N}.pfx");
        if (existing is null)
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest("CN=PortCooperation key protection (test)", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            File.WriteAllBytes(file, certificate.Export(X509ContentType.Pfx, "pfx-password"));
        }

        return new Dictionary<string, string?>
        {
            ["DataProtection:CertificatePath"] = file,
            ["DataProtection:CertificatePassword"] = "pfx-password",
        };
    }

    private sealed class ListRepository : IXmlRepository
    {
        public List<(string FriendlyName, XElement Element)> Elements { get; } = [];

        public IReadOnlyCollection<XElement> GetAllElements() => Elements.Select(e => e.Element).ToList();

        public void StoreElement(XElement element, string friendlyName) => Elements.Add((friendlyName, element));
    }
}
