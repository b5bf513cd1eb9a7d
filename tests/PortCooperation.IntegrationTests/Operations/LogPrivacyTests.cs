using System.Net;
using PortCooperation.IntegrationTests.Security;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;

namespace PortCooperation.IntegrationTests.Operations;

/// <summary>
/// docs/quality.md S13 on the real log file: a sign-in with a known e-mail and password, a failed one, and requests
/// carrying a token and an address, all logged at Debug level (more than production logs), leave no password,
/// token or full e-mail address in the rolling file the app writes to its data folder.
/// </summary>
public sealed class LogPrivacyTests
{
    private const string Email = "maria.fernandez.logs@puertos.example.org";
    private const string LocalPart = "maria.fernandez.logs";
    private const string WrongPassword = "Wrong-Passphrase-Typed-By-Mistake-77";
    private const string Token = "Qx7Rk2Lm9Vt4Zp8Wn3Hy6Bd";

    [Fact]
    public async Task SignInsAndTokenCarryingRequests_LeaveNoPasswordTokenOrFullEmailInTheLogFile()
    {
        using var factory = new WebFactory(settings: new Dictionary<string, string?>
        {
            ["Serilog:MinimumLevel:Default"] = "Debug",
            ["Serilog:MinimumLevel:Override:Microsoft"] = "Debug",
            ["Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore"] = "Debug",
            ["Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime"] = "Debug",
        });
        await factory.CreateUserAsync(Email, StaffSession.Password, Roles.Administrator);
        var client = factory.NewClient();

        using (var failed = await client.PostLoginAsync(Email, WrongPassword))
        {
            failed.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await client.SignInAsync(Email);
        using (await client.GetAsync($"/Admin?token={Token}&email={Uri.EscapeDataString(Email)}")) { }
        using (await client.GetAsync($"/registrations/manage/{Token}")) { }
        using (await client.GetAsync($"/people/{Uri.EscapeDataString(Email)}")) { }

        var log = ReadLogs(factory.DataDirectory);
        log.ShouldContain("Staff sign-in succeeded", customMessage: "the sign-in should have been logged");
        log.ShouldContain("m***@puertos.example.org", customMessage: "addresses are logged masked");
        log.ShouldNotContain(StaffSession.Password);
        log.ShouldNotContain(WrongPassword);
        log.ShouldNotContain(Token, customMessage: string.Join(Environment.NewLine, log.Split('\n').Where(l => l.Contains(Token, StringComparison.Ordinal))));
        log.ShouldNotContain(LocalPart, Case.Insensitive);
        log.ShouldNotContain(Uri.EscapeDataString(Email), Case.Insensitive);
    }

    /// <summary>Everything the app wrote to its rolling log files (read while Serilog still holds them open).</summary>
    internal static string ReadLogs(string dataDirectory)
    {
        var folder = Path.Combine(dataDirectory, "logs");
        Directory.Exists(folder).ShouldBeTrue($"the app should write its log under {folder}");
        var text = "";
        foreach (var file in Directory.GetFiles(folder, "*.log"))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            text += reader.ReadToEnd();
        }

        return text;
    }
}
