using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PortCooperation.IntegrationTests.Infrastructure;
using PortCooperation.Web.Domain;
using StaffPaths = PortCooperation.Web.Infrastructure.IdentityServiceCollectionExtensions;

namespace PortCooperation.IntegrationTests.Security;

/// <summary>
/// Staff accounts made through the real app's UserManager, and sign-in through the real login form
/// (GET the form, read its antiforgery token, POST it), the way a browser does.
/// </summary>
internal static class StaffSession
{
    /// <summary>A passphrase that passes every password rule (S4).</summary>
    public const string Password = "lighthouse tugboat pelican 42";

    public const string AntiforgeryField = "__RequestVerificationToken";

    /// <summary>A client that keeps cookies and does not follow redirects, speaking HTTPS to the test server.</summary>
    public static HttpClient NewClient(this WebApplicationFactory<Program> factory, string baseAddress = "https://localhost") =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(baseAddress) });

    /// <summary>Creates an account (e-mail = user name) with the given roles through the app's UserManager.</summary>
    public static async Task<ApplicationUser> CreateUserAsync(this WebApplicationFactory<Program> factory, string email, string password = Password, params string[] roles)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        created.Succeeded.ShouldBeTrue(string.Join("; ", created.Errors.Select(e => e.Description)));
        foreach (var role in roles)
        {
            (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
        }

        return user;
    }

    /// <summary>The antiforgery token of the first form on the page at <paramref name="url"/>.</summary>
    public static async Task<string> FormTokenAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {url}");
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var token = page.QuerySelector($"form input[name={AntiforgeryField}]")?.GetAttribute("value");
        token.ShouldNotBeNullOrEmpty($"the form at {url} has no antiforgery token");
        return token;
    }

    /// <summary>Posts the login form with a fresh token and returns the response (not followed).</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(this HttpClient client, string email, string password, string? returnUrl = null)
    {
        var token = await client.FormTokenAsync(StaffPaths.LoginPath);
        var fields = new Dictionary<string, string>
        {
            [AntiforgeryField] = token,
            ["Email"] = email,
            ["Password"] = password,
        };
        if (returnUrl is not null)
        {
            fields["ReturnUrl"] = returnUrl;
        }

        return await client.PostAsync(StaffPaths.LoginPath, new FormUrlEncodedContent(fields));
    }

    /// <summary>Signs in through the form and checks that it worked (a redirect away from the login page).</summary>
    public static async Task SignInAsync(this HttpClient client, string email, string password = Password)
    {
        using var response = await client.PostLoginAsync(email, password);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"sign-in of {email} failed: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>A new account with <paramref name="roles"/>, signed in on a new client.</summary>
    public static async Task<HttpClient> SignedInClientAsync(this PortalFactory factory, string email, params string[] roles)
    {
        await factory.CreateUserAsync(email, Password, roles);
        var client = factory.NewClient();
        await client.SignInAsync(email);
        return client;
    }

    public static bool IsRedirectToLogin(this HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect
        && response.Headers.Location is { } location
        && (location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0])
            .Equals(StaffPaths.LoginPath, StringComparison.OrdinalIgnoreCase);
}
