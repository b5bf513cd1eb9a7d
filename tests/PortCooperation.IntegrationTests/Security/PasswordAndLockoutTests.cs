using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;

namespace PortCooperation.IntegrationTests.Security;

/// <summary>
/// docs/quality.md S4: length rules (12–128), no composition rules, common passwords refused (the list ships with
/// the app), checked by the real app's UserManager; lockout after 5 failures through the real login form.
/// </summary>
public sealed class PasswordAndLockoutTests : IClassFixture<SharedWebFactory>
{
    private readonly WebFactory _factory;

    public PasswordAndLockoutTests(SharedWebFactory fixture) => _factory = fixture.Factory;

    [Theory]
    [InlineData("elevenchars", "PasswordTooShort")]
    [InlineData("passwordpassword", "PasswordTooCommon")]
    [InlineData("QWERTYUIOP123", "PasswordTooCommon")]
    [InlineData("aaaaaaaaaaaaaaaa", "PasswordRequiresUniqueChars")]
    public async Task WeakPasswords_AreRefused(string password, string expectedCode)
    {
        var codes = await CreateAsync(password);

        codes.ShouldContain(expectedCode);
    }

    [Fact]
    public async Task APasswordOf129Characters_IsRefused_And128IsAccepted()
    {
        (await CreateAsync(Passphrase(129))).ShouldContain("PasswordTooLong");
        (await CreateAsync(Passphrase(128))).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("twelve chars")]
    [InlineData("cormorant harbour crane ledger")]
    [InlineData("all lower case no digits at all")]
    public async Task LongPassphrases_WithoutCompositionRules_AreAccepted(string password)
    {
        (await CreateAsync(password)).ShouldBeEmpty();
    }

    [Fact]
    public async Task FiveFailedSignIns_LockTheAccount_EvenTheRightPasswordIsThenRefused_WithTheSameMessage()
    {
        const string email = "lockout@example.org";
        await _factory.CreateUserAsync(email, StaffSession.Password, Roles.Editor);
        var client = _factory.NewClient();
        string? wrongPasswordMessage = null;

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var failed = await client.PostLoginAsync(email, "not the password " + attempt);
            failed.StatusCode.ShouldBe(HttpStatusCode.OK, $"attempt {attempt}");
            wrongPasswordMessage ??= await ErrorSummaryAsync(failed);
        }

        using var refused = await client.PostLoginAsync(email, StaffSession.Password);
        refused.StatusCode.ShouldBe(HttpStatusCode.OK, "a locked account must not sign in");
        (await ErrorSummaryAsync(refused)).ShouldBe(wrongPasswordMessage, "the lockout must not reveal itself");
        var user = await FindAsync(email);
        user.LockoutEnd.ShouldNotBeNull();
        // Identity stamps the end from its clock (the app's TimeProvider or the system's): 15 minutes on.
        var minutesLeft = new[] { _factory.Now, DateTimeOffset.UtcNow }.Select(now => (user.LockoutEnd.Value - now).TotalMinutes);
        minutesLeft.ShouldContain(m => m > 14 && m <= 15);
        user.AccessFailedCount.ShouldBe(0, "Identity resets the count when it locks the account");
    }

    [Fact]
    public async Task FourFailures_ThenTheRightPassword_SignsIn_AndResetsTheCount()
    {
        const string email = "four-failures@example.org";
        await _factory.CreateUserAsync(email, StaffSession.Password, Roles.Editor);
        var client = _factory.NewClient();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var failed = await client.PostLoginAsync(email, "not the password " + attempt);
        }

        (await FindAsync(email)).AccessFailedCount.ShouldBe(4);
        using var signedIn = await client.PostLoginAsync(email, StaffSession.Password);

        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var user = await FindAsync(email);
        user.AccessFailedCount.ShouldBe(0);
        user.LockoutEnd.ShouldBeNull();
    }

    [Fact]
    public async Task LockoutLasts15Minutes()
    {
        var options = _factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdentityOptions>>().Value;

        options.Lockout.MaxFailedAccessAttempts.ShouldBe(5);
        options.Lockout.DefaultLockoutTimeSpan.ShouldBe(TimeSpan.FromMinutes(15));
        options.Lockout.AllowedForNewUsers.ShouldBeTrue();
    }

    private async Task<List<string>> CreateAsync(string password)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = $"rules-{Guid.NewGuid():N}@example.org";
        var result = await users.CreateAsync(new ApplicationUser { UserName = email, Email = email }, password);
        return [.. result.Errors.Select(e => e.Code)];
    }

    private async Task<ApplicationUser> FindAsync(string email)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!;
    }

    private static async Task<string> ErrorSummaryAsync(HttpResponseMessage response)
    {
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var summary = page.QuerySelector("#error-summary li");
        summary.ShouldNotBeNull("the sign-in page should show an error summary");
        return WebTestData.Squash(summary.TextContent);
    }

    /// <summary>Unrelated words repeated to exactly <paramref name="length"/> characters.</summary>
    private static string Passphrase(int length)
    {
        var text = "";
        while (text.Length < length)
        {
            text += "breakwater pilot ";
        }

        return text[..length];
    }
}
