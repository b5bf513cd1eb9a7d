using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PortCooperation.IntegrationTests.Admin;
using PortCooperation.IntegrationTests.Security;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Reports;
using static PortCooperation.IntegrationTests.Registrations.RegistrationTestKit;

namespace PortCooperation.IntegrationTests.Mail;

/// <summary>
/// Every kind of mail the portal writes (registration, staff message, invitation, password reset, quarterly report)
/// comes out of one layout in the recipient's language, and every link in it, followed on the running app, opens a
/// page: a renamed route cannot leave a dead link in a mail.
/// </summary>
public sealed partial class MailLayoutTests
{
    private const string BaseUrl = "https://portal.example.org";

    private static readonly Dictionary<string, string> Letterhead = new()
    {
        ["en"] = "Secretariat of the Inter-American Committee on Ports – CIP",
        ["es"] = "Secretaría de la Comisión Interamericana de Puertos – CIP",
    };

    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    public async Task Every_kind_of_mail_has_the_one_layout_in_its_recipients_language_and_every_link_opens_a_page(string language)
    {
        using var factory = new WebFactory(settings: Settings());
        var activity = OpenActivity();
        await factory.AddAsync(activity);
        var admin = await factory.SignedInStaffAsync("layout-admin@example.org", Roles.Administrator);
        var visitor = factory.NewClient();
        var kinds = new HashSet<string>();

        // A registration through the public form: the confirmation, with its calendar file.
        using (var registered = await factory.CreateBrowserLikeClient().PostRegistrationAsync(activity.Slug, Fields(language: language)))
        {
            registered.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var confirmation = (await factory.OutboxAsync()).ShouldHaveSingleItem();
        await ShouldHaveTheLayoutAsync(confirmation, language, visitor, activity.OnlineJoinUrl);
        // Long lines of a calendar file are folded: a line break and a space continue the line.
        var unfolded = confirmation.CalendarAttachment!.Replace("\r\n ", "", StringComparison.Ordinal);
        var calendarUrl = Regex.Match(unfolded, @"^URL:(\S+)", RegexOptions.Multiline).Groups[1].Value;
        await ShouldOpenAsync(visitor, calendarUrl);
        kinds.Add(confirmation.IdempotencyKey.Split(':')[0]);

        // A message staff write to the activity's registrants.
        var formUrl = $"/Admin/Activities/{activity.Id}/Registrations/Message";
        var form = await admin.PageAsync(formUrl);
        using (var sent = await admin.SubmitAsync(form, "#message-form", new() { ["Subject"] = "Slides", ["Body"] = "The slides are online." }, formUrl))
        {
            sent.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var custom = (await factory.OutboxAsync()).Single(m => m.IdempotencyKey.StartsWith("Custom:", StringComparison.Ordinal));
        await ShouldHaveTheLayoutAsync(custom, language, visitor);
        kinds.Add("Custom");

        // An invitation; once accepted, a password reset asked for on the sign-in pages.
        const string Invitee = "layout-invitee@example.org";
        using (await admin.InviteAsync(Invitee, Roles.Editor, language, "Layout Invitee")) { }
        var invitation = (await factory.OutboxAsync()).Single(m => m.ToAddress == Invitee);
        await ShouldHaveTheLayoutAsync(invitation, language, visitor);
        await ShouldOfferToSetAPasswordAsync(visitor, invitation);
        using (var accepted = await factory.NewClient().SetPasswordAsync(AccountsKit.LinkIn(invitation.BodyText), AccountsKit.NewPassword))
        {
            accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using (var forgot = await factory.NewClient().SubmitAsync("/Identity/Password/Forgot", "#forgot-form", new() { ["Email"] = Invitee }))
        {
            forgot.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var reset = (await factory.OutboxAsync()).Where(m => m.ToAddress == Invitee).Skip(1).ShouldHaveSingleItem();
        await ShouldHaveTheLayoutAsync(reset, language, visitor);
        await ShouldOfferToSetAPasswordAsync(visitor, reset);
        kinds.UnionWith([invitation.IdempotencyKey.Split(':')[0], reset.IdempotencyKey.Split(':')[0]]);

        // The quarterly report of a subscriber, once the quarter has ended; its link is for staff.
        using (var subscribed = await admin.SubmitAsync("/Admin/Reports", "form[action$='/Subscribe']", new() { ["Language"] = language, ["Scope"] = "all" }))
        {
            subscribed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        factory.Clock.Now = new DateTimeOffset(WebFactory.DefaultNow.Year, 4, 1, 13, 0, 0, TimeSpan.Zero);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<QuarterlyReportJob>().RunAsync(CancellationToken.None)).ShouldBe(1);
        }

        var report = (await factory.OutboxAsync()).Single(m => m.IdempotencyKey.StartsWith(QuarterlyReportJob.KeyPrefix + ":", StringComparison.Ordinal));
        await ShouldHaveTheLayoutAsync(report, language, admin);
        kinds.Add(QuarterlyReportJob.KeyPrefix);

        kinds.ShouldBe(["Confirmation", "Custom", "Invitation", "PasswordReset", "QuarterlyReport"], ignoreOrder: true);
        (await factory.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.BodyHtml == null || !m.BodyHtml.Contains("class=\"mail-header\"")))).ShouldBe(0);
    }

    /// <summary>
    /// The layout's marks: the document's language and title, one letterhead first and one footer last, the same in the
    /// plain text; then every link of the HTML (and of the plain text) followed with <paramref name="client"/>.
    /// </summary>
    private static async Task ShouldHaveTheLayoutAsync(OutboxMessage mail, string language, HttpClient client, string? externalLink = null)
    {
        var letterhead = Letterhead[language];
        var html = new HtmlParser().ParseDocument(mail.BodyHtml.ShouldNotBeNull());
        html.DocumentElement.GetAttribute("lang").ShouldBe(language, mail.IdempotencyKey);
        html.Title.ShouldBe(mail.Subject);
        html.QuerySelectorAll(".mail-header").ShouldHaveSingleItem().TextContent.ShouldBe(letterhead);
        html.Body!.FirstElementChild!.FirstElementChild!.ClassName.ShouldBe("mail-header", "the letterhead opens the mail");
        var footnote = html.QuerySelectorAll(".mail-footer").ShouldHaveSingleItem();
        footnote.NextElementSibling.ShouldBeNull("the footer closes the mail");
        footnote.TextContent.ShouldNotBeNullOrWhiteSpace();

        var lines = mail.BodyText.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        lines[0].ShouldBe(letterhead);
        lines[^1].ShouldBe(footnote.TextContent);

        var links = html.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).ToList();
        links.ShouldNotBeEmpty();
        Url().Matches(mail.BodyText).Select(m => m.Value).ShouldBe(links, ignoreOrder: true);
        foreach (var link in links.Where(l => l != externalLink))
        {
            await ShouldOpenAsync(client, link);
        }
    }

    private static async Task ShouldOpenAsync(HttpClient client, string link)
    {
        link.ShouldStartWith(BaseUrl + "/");
        using var response = await client.GetAsync(link[BaseUrl.Length..]);
        response.StatusCode.ShouldBeOneOf([HttpStatusCode.OK, HttpStatusCode.Redirect], link);
    }

    /// <summary>The account pages answer 200 to a bad link too (saying it cannot be used): the form shows the link is good.</summary>
    private static async Task ShouldOfferToSetAPasswordAsync(HttpClient client, OutboxMessage mail)
    {
        var page = await client.PageAsync(AccountsKit.LinkIn(mail.BodyText));
        page.QuerySelector("#set-password-form").ShouldNotBeNull(mail.IdempotencyKey);
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Url();
}
