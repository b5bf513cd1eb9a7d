using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PortCooperation.IntegrationTests.Infrastructure;
using PortCooperation.IntegrationTests.Security;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Mail;

namespace PortCooperation.IntegrationTests.Admin;

/// <summary>Helpers of the account tests: invite through the form, read the links out of the outbox or the delivered mail, follow them.</summary>
internal static partial class AccountsKit
{
    public const string NewPassword = "seagull breakwater lantern 7";

    public static async Task<HttpResponseMessage> InviteAsync(this HttpClient admin, string email, string role = Roles.Editor, string language = "en", string name = "New Colleague") =>
        await admin.SubmitAsync("/Admin/Accounts/Invite", "#invite-form", new() { ["Email"] = email, ["DisplayName"] = name, ["Role"] = role, ["Language"] = language });

    /// <summary>The path and query of the account link in the newest outbox mail to <paramref name="email"/> (read where the dispatcher reads it).</summary>
    public static async Task<string> OutboxLinkAsync(this PortalFactory factory, string email) =>
        LinkIn((await factory.OutboxAsync(email)).Last().BodyText);

    public static Task<List<OutboxMessage>> OutboxAsync(this PortalFactory factory, string email) =>
        factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.ToAddress == email).OrderBy(m => m.Id).ToListAsync());

    /// <summary>"/Identity/…?user=…&amp;token=…" from a mail's text (the absolute link starts with Mail:PublicBaseUrl).</summary>
    public static string LinkIn(string? text)
    {
        var match = Link().Match(text ?? "");
        match.Success.ShouldBeTrue($"no account link in: {text}");
        return match.Groups[1].Value;
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

    /// <summary>Opens the link and sets the password through its form; returns the response (not followed).</summary>
    public static async Task<HttpResponseMessage> SetPasswordAsync(this HttpClient client, string link, string password, string? confirm = null) =>
        await client.SubmitAsync(link, "#set-password-form", new() { ["Password"] = password, ["ConfirmPassword"] = confirm ?? password });

    public static async Task<ApplicationUser?> UserAsync(this PortalFactory factory, string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email);
    }

    public static Task<List<AuditEntry>> AccountAuditAsync(this PortalFactory factory, string email) =>
        factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.EntityType == nameof(ApplicationUser) && e.EntityId == email).OrderBy(e => e.Id).ToListAsync());

    /// <summary>The page a link leads to says it cannot be used (200, never an error).</summary>
    public static async Task ShouldBeRefusedLinkAsync(this HttpClient client, string link)
    {
        using var response = await client.GetAsync(link);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, link);
        var page = await ParseAsync(response);
        page.QuerySelector("#link-invalid").ShouldNotBeNull($"{link} should be refused");
        page.QuerySelector("#set-password-form").ShouldBeNull();
    }

    public static async Task<HttpClient> SignedInAsync(this PortalFactory factory, string email, string password)
    {
        var client = factory.NewClient();
        await client.SignInAsync(email, password);
        return client;
    }

    [GeneratedRegex(@"https?://[^/\s]+(/Identity/[^\s""<]+)")]
    private static partial Regex Link();
}
