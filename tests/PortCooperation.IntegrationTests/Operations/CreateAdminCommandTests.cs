using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using PortCooperation.IntegrationTests.Infrastructure;
using PortCooperation.IntegrationTests.Security;
using PortCooperation.IntegrationTests.Web;

namespace PortCooperation.IntegrationTests.Operations;

/// <summary>
/// As an operator meets it: the log says how to create the first administrator while none
/// exists; <c>create-admin</c> (run as its own process) exits 0 on success, 1 when the password breaks a rule,
/// 2 on bad usage, reads the password from PORTAL_ADMIN_PASSWORD or standard input, never echoes it, and the
/// account it makes signs in through the real form.
/// </summary>
public sealed partial class CreateAdminCommandTests : IDisposable
{
    private const string Password = "quay crane ballast 2031";
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "portal-tests", "admin-" + Guid.NewGuid().ToString("N")[..12]);

    public CreateAdminCommandTests() => Directory.CreateDirectory(_dataDirectory);

    [Theory]
    [InlineData]
    [InlineData("--email")]
    [InlineData("--email", "not-an-address")]
    [InlineData("--email=someone@")]
    public async Task BadUsage_Exits2_WithTheUsageLine(params string[] options)
    {
        var result = await RunAsync(new Dictionary<string, string> { ["PORTAL_ADMIN_PASSWORD"] = Password }, null, options);

        result.ExitCode.ShouldBe(2, result.AllOutput);
        result.StandardError.ShouldContain("Usage: create-admin --email");
    }

    [Theory]
    [InlineData("too short", "at least 12")]
    [InlineData("passwordpassword", "common")]
    public async Task APasswordBreakingTheRules_Exits1_SaysWhy_AndCreatesNobody(string password, string reason)
    {
        var result = await RunAsync(new Dictionary<string, string> { ["PORTAL_ADMIN_PASSWORD"] = password }, null, "--email", "weak@example.org");

        result.ExitCode.ShouldBe(1, result.AllOutput);
        result.StandardError.ShouldContain(reason, Case.Insensitive);
        using var factory = OnTheSameData();
        using var signIn = await factory.NewClient().PostLoginAsync("weak@example.org", password);
        signIn.StatusCode.ShouldBe(HttpStatusCode.OK, "no account should exist");
    }

    [Fact]
    public async Task PasswordFromTheEnvironment_CreatesAnAdministrator_WhoSignsInThroughTheForm()
    {
        var result = await RunAsync(new Dictionary<string, string> { ["PORTAL_ADMIN_PASSWORD"] = Password }, null, "--email", "first.admin@example.org");

        result.ExitCode.ShouldBe(0, result.AllOutput);
        result.StandardOutput.ShouldContain("Administrator first.admin@example.org created");
        result.AllOutput.ShouldNotContain(Password);
        await ShouldSignInToTheStaffAreaAsync("first.admin@example.org", Password);
    }

    [Fact]
    public async Task PasswordFromStandardInput_CreatesAnAdministrator_AndASecondRunResetsThePassword()
    {
        var created = await RunAsync(new Dictionary<string, string>(), Password + "\n", "create-admin", "--email=piped@example.org");
        const string newPassword = "mooring line bollard 2032";
        var reset = await RunAsync(new Dictionary<string, string>(), newPassword + "\n", "create-admin", "--email", "piped@example.org");

        created.ExitCode.ShouldBe(0, created.AllOutput);
        reset.ExitCode.ShouldBe(0, reset.AllOutput);
        reset.StandardOutput.ShouldContain("password reset");
        await ShouldSignInToTheStaffAreaAsync("piped@example.org", newPassword);
    }

    [Fact]
    public async Task TheLog_SaysHowToCreateAnAdministrator_OnlyWhileNoneExists()
    {
        StartAndStopTheApp();

        NoAdministratorLines().ShouldBe(1);
        var result = await RunAsync(new Dictionary<string, string> { ["PORTAL_ADMIN_PASSWORD"] = Password }, null, "--email", "hint@example.org");
        result.ExitCode.ShouldBe(0, result.AllOutput);
        StartAndStopTheApp();

        NoAdministratorLines().ShouldBe(1, "once an administrator exists the start-up says nothing");
        LogPrivacyTests.ReadLogs(_dataDirectory).ShouldContain("create-admin --email");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left in the OS temp folder.
        }
    }

    private Task<ProcessResult> RunAsync(Dictionary<string, string> environment, string? input, params string[] options)
    {
        var arguments = options.Length > 0 && options[0] == "create-admin" ? options : ["create-admin", .. options];
        return PortalProcess.RunWithInputAsync(_dataDirectory, environment, input, arguments);
    }

    /// <summary>The in-process app over the data folder the command used (its own log file goes there too).</summary>
    private WebFactory OnTheSameData() => new(settings: new Dictionary<string, string?>
    {
        ["Data:Directory"] = _dataDirectory,
        ["Serilog:WriteTo:1:Args:path"] = Path.Combine(_dataDirectory, "logs", "portal-.log"),
    });

    private async Task ShouldSignInToTheStaffAreaAsync(string email, string password)
    {
        using var factory = OnTheSameData();
        var client = factory.NewClient();
        await client.SignInAsync(email, password);
        using var dashboard = await client.GetAsync("/Admin");
        dashboard.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private int NoAdministratorLines() => NoAdministrator().Count(LogPrivacyTests.ReadLogs(_dataDirectory));

    private void StartAndStopTheApp()
    {
        using var factory = OnTheSameData();
        factory.Services.ShouldNotBeNull();
    }

    [GeneratedRegex("No administrator account exists")]
    private static partial Regex NoAdministrator();
}
