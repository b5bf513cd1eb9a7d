using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;
using StaffPaths = PortCooperation.Web.Infrastructure.IdentityServiceCollectionExtensions;

namespace PortCooperation.IntegrationTests.Security;

/// <summary>
/// What a stolen or forged cookie can do: a copied sign-in cookie stops working when its owner signs out; a staff
/// session ends 12 hours after sign-in however busy it is; a cookie that only looks like the sign-in cookie does not
/// keep a visitor out of the page cache; an unknown address costs a password hash like a known one; and a truncated
/// form on the sign-in, password and invitation POSTs is the client's error (400), not the server's.
/// </summary>
public sealed class SessionHardeningTests
{
    private const string StaffPage = "/Admin/Accounts";

    [Fact]
    public async Task ACopiedSignInCookie_StopsWorking_WhenItsOwnerSignsOut()
    {
        using var factory = new WebFactory();
        await factory.CreateUserAsync("copied@example.org", StaffSession.Password, Roles.Administrator);
        var owner = factory.NewClient();
        using var login = await owner.PostLoginAsync("copied@example.org", StaffSession.Password);
        login.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var copied = SignInCookie(factory, login);
        var thief = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://localhost") });

        using (var before = await GetWithCookieAsync(thief, StaffPage, copied))
        {
            before.StatusCode.ShouldBe(HttpStatusCode.OK, "the copy works while the session is open");
        }

        var token = await owner.FormTokenAsync(StaffPage);
        using var logout = await owner.PostAsync(StaffPaths.LogoutPath, new FormUrlEncodedContent(new Dictionary<string, string> { [StaffSession.AntiforgeryField] = token }));
        logout.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var replay = await GetWithCookieAsync(thief, StaffPage, copied);
        replay.IsRedirectToLogin().ShouldBeTrue($"after sign-out the copied cookie got {(int)replay.StatusCode}");
    }

    [Fact]
    public async Task AStaffSession_EndsTwelveHoursAfterSignIn_EvenWhileInUse()
    {
        using var factory = new WebFactory();
        var client = await factory.SignedInClientAsync("all-day@example.org", Roles.Editor);

        for (var hour = 1; hour <= 11; hour++)
        {
            factory.Clock.Now = factory.Clock.Now.AddHours(1);
            using var response = await client.GetAsync("/Admin/Dashboard");
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"hour {hour}: a session in use stays open");
        }

        factory.Clock.Now = factory.Clock.Now.AddHours(1).AddMinutes(1);
        using var late = await client.GetAsync("/Admin/Dashboard");
        late.IsRedirectToLogin().ShouldBeTrue($"twelve hours after sign-in the session got {(int)late.StatusCode}");
    }

    [Fact]
    public async Task AForgedSignInCookie_IsAnsweredFromThePageCache()
    {
        using var factory = new WebFactory();
        var visitor = factory.NewClient();
        using (var first = await visitor.GetAsync("/"))
        {
            first.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var name = factory.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme).Cookie.Name!;
        var forger = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://localhost") });
        factory.SqlCommands.Reset();

        using var forged = await GetWithCookieAsync(forger, "/", $"{name}=x");

        forged.StatusCode.ShouldBe(HttpStatusCode.OK);
        factory.SqlCommands.Count.ShouldBe(0, "a cookie that is not a valid sign-in does not bypass the cache");
    }

    [Fact]
    public async Task SignIn_WithAnUnknownAddress_StillComputesAPasswordHash()
    {
        using var factory = new WebFactory();
        await factory.CreateUserAsync("known@example.org", StaffSession.Password, Roles.Editor);
        var hasher = new CountingHasher();
        using var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IPasswordHasher<ApplicationUser>>(hasher)));
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

        using (var known = await client.PostLoginAsync("known@example.org", "not the password at all"))
        {
            known.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var forKnown = hasher.Verifications;
        using (var unknown = await client.PostLoginAsync("nobody-here@example.org", "not the password at all"))
        {
            unknown.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        forKnown.ShouldBe(1);
        (hasher.Verifications - forKnown).ShouldBe(1, "an unknown address costs the same hash as a known one");
    }

    /// <summary>
    /// The body ends before the multipart form does: the test server gives the request the body Kestrel gives it when
    /// the client stops sending (every read throws Kestrel's "unexpected end of request content", status 400).
    /// </summary>
    [Theory]
    [InlineData(StaffPaths.LoginPath)]
    [InlineData("/Identity/Password/Forgot")]
    [InlineData("/Identity/Password/Reset")]
    [InlineData("/Identity/Invitation/Accept")]
    public async Task ATruncatedMultipartBody_Is400(string path)
    {
        using var factory = new WebFactory();
        using var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IStartupFilter>(new Operations.UnreadableBodyStatusTests.FailingBodyStartupFilter())));
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new ByteArrayContent(Encoding.ASCII.GetBytes("--b0undary\r\nContent-Disposition: form-data; name=\"Email\"\r\n\r\nsomeone@exa")),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b0undary");
        request.Headers.Add(Operations.UnreadableBodyStatusTests.FailBodyHeader, "400");

        using var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("en", "This page needs HTTPS")]
    [InlineData("es", "Esta página necesita HTTPS")]
    public async Task TheSignInPage_OverPlainHttp_WithSecureCookies_ExplainsInsteadOf500(string language, string heading)
    {
        using var factory = new WebFactory(settings: new Dictionary<string, string?> { ["Security:AllowInsecureCookies"] = "false" });
        var client = factory.NewClient("http://localhost");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);

        using var response = await client.GetAsync(StaffPaths.LoginPath);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        WebTestData.Squash(page.QuerySelector("h1")?.TextContent).ShouldBe(heading);
        page.QuerySelector("#plain-http a")!.GetAttribute("href").ShouldBe("https://localhost" + StaffPaths.LoginPath);
    }

    private static string SignInCookie(WebFactory factory, HttpResponseMessage login)
    {
        var name = factory.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme).Cookie.Name!;
        return login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith(name + "=", StringComparison.Ordinal));
    }

    private static async Task<HttpResponseMessage> GetWithCookieAsync(HttpClient client, string url, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    /// <summary>The app's own hasher, counting how often a password is checked against a hash.</summary>
    private sealed class CountingHasher : IPasswordHasher<ApplicationUser>
    {
        private readonly PasswordHasher<ApplicationUser> _inner = new();
        private int _verifications;

        public int Verifications => _verifications;

        public string HashPassword(ApplicationUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
