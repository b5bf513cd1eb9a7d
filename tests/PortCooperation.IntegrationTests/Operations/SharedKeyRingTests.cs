using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using PortCooperation.IntegrationTests.Security;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;

namespace PortCooperation.IntegrationTests.Operations;

/// <summary>
/// docs/quality.md S18: the Data Protection key ring lives in the database, so a sign-in cookie issued by one app
/// instance is honoured by another instance over the same database (a restart, or a second server), and by
/// nobody else.
/// </summary>
public sealed class SharedKeyRingTests
{
    [Fact]
    public async Task ACookieIssuedByOneInstance_SignsIn_OnASecondInstanceOverTheSameDatabase_ButNotOnAnotherDatabase()
    {
        using var first = new WebFactory();
        await first.CreateUserAsync("key-ring@example.org", StaffSession.Password, Roles.Editor);
        using var signIn = await first.NewClient().PostLoginAsync("key-ring@example.org", StaffSession.Password);
        var cookie = AuthCookie(signIn);
        (await first.WithDbAsync(db => db.DataProtectionKeys.CountAsync())).ShouldBeGreaterThan(0);

        using var second = new WebFactory(settings: new Dictionary<string, string?> { ["Data:Directory"] = first.DataDirectory });
        using var elsewhere = new WebFactory();

        using (var onSecond = await GetAdminAsync(second, cookie))
        {
            onSecond.StatusCode.ShouldBe(HttpStatusCode.OK, "the second instance shares the key ring through the database");
        }

        using var onOtherDatabase = await GetAdminAsync(elsewhere, cookie);
        onOtherDatabase.IsRedirectToLogin().ShouldBeTrue("an instance with another key ring cannot read the cookie");
    }

    private static string AuthCookie(HttpResponseMessage signIn)
    {
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var setCookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-portal-auth=", StringComparison.Ordinal));
        return setCookie.Split(';')[0];
    }

    private static async Task<HttpResponseMessage> GetAdminAsync(WebApplicationFactory<Program> factory, string cookie)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = false,
            BaseAddress = new Uri("https://localhost"),
        });
        var request = new HttpRequestMessage(HttpMethod.Get, "/Admin");
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }
}
