using System.Net;
using Microsoft.AspNetCore.Identity;
using PortCooperation.IntegrationTests.Security;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;

namespace PortCooperation.IntegrationTests.Admin;

/// <summary>
/// /Admin/Accounts through the real forms: Administrators only, the list, invitations (outbox
/// mail in the invitee's language, accept once, expiry, re-send, revoke, altered links), roles, disabling, and
/// the audit entries each change writes.
/// </summary>
public sealed class AccountsAdminTests : IClassFixture<SharedWebFactory>
{
    private readonly WebFactory _factory;

    public AccountsAdminTests(SharedWebFactory fixture) => _factory = fixture.Factory;

    [Fact]
    public async Task Export_GivesTheFilteredListAsCsv_WithFormulaPayloadsNeutralised_AndIsForAdministratorsOnly()
    {
        var admin = await _factory.SignedInStaffAsync("accounts-export-admin@example.org", Roles.Administrator);
        (await admin.InviteAsync("export-invitee@example.org", Roles.Editor, "es", "=HYPERLINK(\"http://x\")")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var editor = await _factory.SignedInStaffAsync("accounts-export-editor@example.org", Roles.Editor);

        using var response = await admin.GetAsync("/Admin/Accounts/Export?state=invited&q=export-invitee");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("Email,Name,Roles,State,TwoFactor,LockedOutUntilUtc,InvitedAtUtc,LastSignInAtUtc");
        lines.Length.ShouldBe(2);
        lines[1].ShouldStartWith("export-invitee@example.org,");
        lines[1].ShouldContain("'=HYPERLINK");
        lines[1].ShouldContain(",Editor,invited,");
        (await admin.PageAsync("/Admin/Accounts")).QuerySelector("#accounts-export").ShouldNotBeNull();

        using var refused = await editor.GetAsync("/Admin/Accounts/Export");
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Editors_Get403_OnEveryAccountsPage_AndSeeNoLinkToThem()
    {
        var editor = await _factory.SignedInStaffAsync("accounts-editor@example.org", Roles.Editor);
        var admin = await _factory.SignedInStaffAsync("accounts-admin-nav@example.org", Roles.Administrator);
        var target = (await _factory.UserAsync("accounts-admin-nav@example.org"))!;

        foreach (var url in new[] { "/Admin/Accounts", "/Admin/Accounts/Invite", "/Admin/Accounts/Edit/" + target.Id })
        {
            using var response = await editor.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, url);
        }

        var token = (await editor.PageAsync("/Admin/Dashboard")).QuerySelector("form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var post = await editor.PostAsync("/Admin/Accounts/Disable/" + target.Id, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        post.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await _factory.UserAsync(target.Email!))!.IsDisabled.ShouldBeFalse();

        (await editor.PageAsync("/Admin")).QuerySelector("a[href='/Admin/Accounts']").ShouldBeNull();
        (await admin.PageAsync("/Admin")).QuerySelector("a[href='/Admin/Accounts']").ShouldNotBeNull();
    }

    [Fact]
    public async Task TheList_ShowsRolesStatusTwoFactorLockoutAndLastSignIn_AndFilters()
    {
        var admin = await _factory.SignedInStaffAsync("list-admin@example.org", Roles.Administrator);
        await _factory.CreateUserAsync("list-locked@example.org", StaffSession.Password, Roles.Editor, Roles.Administrator);
        await _factory.WithDbAsync(async db =>
        {
            var locked = db.Users.Single(u => u.Email == "list-locked@example.org");
            locked.LockoutEnd = _factory.Now.AddMinutes(10);
            locked.TwoFactorEnabled = true;
            await db.SaveChangesAsync();
        });
        using (await admin.InviteAsync("list-invited@example.org")) { }

        var page = await admin.PageAsync("/Admin/Accounts?q=list-");

        var rows = page.QuerySelectorAll("#accounts tbody tr").ToDictionary(r => r.GetAttribute("data-email")!);
        rows.Keys.Order().ShouldBe(["list-admin@example.org", "list-invited@example.org", "list-locked@example.org"]);
        rows["list-locked@example.org"].QuerySelector("[data-roles]")!.GetAttribute("data-roles").ShouldBe("Administrator,Editor");
        rows["list-locked@example.org"].QuerySelector("[data-locked]")!.GetAttribute("data-locked").ShouldBe("yes");
        rows["list-locked@example.org"].QuerySelector("[data-2fa]")!.GetAttribute("data-2fa").ShouldBe("on");
        rows["list-admin@example.org"].QuerySelector("[data-state]")!.GetAttribute("data-state").ShouldBe("active");
        rows["list-admin@example.org"].TextContent.ShouldContain(_factory.Clock.Now.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " UTC", Case.Sensitive, "the last sign-in");
        rows["list-invited@example.org"].TextContent.ShouldContain("never");
        rows["list-invited@example.org"].QuerySelector("[data-state]")!.GetAttribute("data-state").ShouldBe("invited");
        rows["list-invited@example.org"].QuerySelector("[data-locked]")!.GetAttribute("data-locked").ShouldBe("no");

        var invited = await admin.PageAsync("/Admin/Accounts?q=list-&state=invited");
        invited.QuerySelectorAll("#accounts tbody tr").Select(r => r.GetAttribute("data-email")).ShouldBe(["list-invited@example.org"]);
        var administrators = await admin.PageAsync("/Admin/Accounts?q=list-&role=Administrator");
        administrators.QuerySelectorAll("#accounts tbody tr").Select(r => r.GetAttribute("data-email")).Order().ShouldBe(["list-admin@example.org", "list-locked@example.org"]);
        using var hostile = await admin.GetAsync("/Admin/Accounts?role=%27%3B--&state=%00&page=-5&q=%25%5F");
        hostile.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TheList_NeedsAtMostFiveSqlCommands_TheSameWith10And1000Accounts()
    {
        using var factory = new WebFactory();
        var admin = await factory.SignedInStaffAsync("sql-admin@example.org", Roles.Administrator);
        await AddAccountsAsync(factory, 9);
        var ten = await CountAsync(factory, admin);
        await AddAccountsAsync(factory, 990, from: 9);
        var thousand = await CountAsync(factory, admin);

        ten.ShouldBeLessThanOrEqualTo(5);
        thousand.ShouldBe(ten);
        (await admin.PageAsync("/Admin/Accounts")).QuerySelectorAll("#accounts tbody tr").Length.ShouldBe(25);
    }

    [Fact]
    public async Task Invite_WithMistakes_SaysWhatIsWrongBesideEachField()
    {
        var admin = await _factory.SignedInStaffAsync("invite-mistakes@example.org", Roles.Administrator);

        using var empty = await admin.SubmitAsync("/Admin/Accounts/Invite", "#invite-form", new() { ["Email"] = "", ["Role"] = "Owner", ["Language"] = "fr" });
        var page = await AccountsKit.ParseAsync(empty);
        empty.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("#Email-error")!.TextContent.ShouldBe("Enter an e-mail address.");
        page.QuerySelector("#Email")!.GetAttribute("aria-invalid").ShouldBe("true");
        page.QuerySelectorAll("#error-summary li").Length.ShouldBe(3);

        using var invalid = await admin.InviteAsync("not-an-address");
        (await AccountsKit.ParseAsync(invalid)).QuerySelector("#Email-error")!.TextContent.ShouldContain("valid e-mail address");
        using var taken = await admin.InviteAsync("invite-mistakes@example.org");
        (await AccountsKit.ParseAsync(taken)).QuerySelector("#Email-error")!.TextContent.ShouldBe("An account with this e-mail address already exists.");
        (await _factory.OutboxAsync("not-an-address")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Invite_QueuesTheMailInTheInviteesLanguage_AndAuditsWhoInvitedWhom()
    {
        var admin = await _factory.SignedInStaffAsync("inviter@example.org", Roles.Administrator);

        using var response = await admin.InviteAsync("ana.invitada@example.org", Roles.Editor, "es", "Ana Invitada");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var mail = (await _factory.OutboxAsync("ana.invitada@example.org")).ShouldHaveSingleItem();
        mail.Subject.ShouldBe("Su invitación al área del personal del Portal de Cooperación Portuaria");
        mail.BodyText.ShouldContain("Hola, Ana Invitada:");
        mail.BodyText.ShouldContain("como Editor/a");
        mail.IdempotencyKey.ShouldStartWith("Invitation:account:");
        var link = AccountsKit.LinkIn(mail.BodyText);
        link.ShouldStartWith("/Identity/Invitation/Accept?user=");
        var user = (await _factory.UserAsync("ana.invitada@example.org"))!;
        user.PasswordHash.ShouldBeNull();
        user.Language.ShouldBe("es");
        var audit = (await _factory.AccountAuditAsync("ana.invitada@example.org")).ShouldHaveSingleItem();
        audit.Action.ShouldBe("create");
        audit.UserName.ShouldBe("inviter@example.org");
        audit.OccurredAtUtc.ShouldBe(_factory.Clock.Now.UtcDateTime);
        audit.Changes!.ShouldContain("\"Roles\":[null,\"Editor\"]");
        audit.Changes!.ShouldNotContain("token", Case.Insensitive);
    }

    [Fact]
    public async Task AcceptingTheInvitation_ChecksThePasswordRules_SignsIn_AndTheLinkWorksOnlyOnce()
    {
        var admin = await _factory.SignedInStaffAsync("accept-admin@example.org", Roles.Administrator);
        using (await admin.InviteAsync("accept-me@example.org")) { }
        var link = await _factory.OutboxLinkAsync("accept-me@example.org");
        var invitee = _factory.NewClient();

        var form = await invitee.PageAsync(link);
        form.QuerySelector("h1")!.TextContent.ShouldBe("Accept your invitation");
        form.QuerySelector("main")!.TextContent.ShouldContain("accept-me@example.org");
        using var weak = await invitee.SetPasswordAsync(link, "passwordpassword");
        var weakPage = await AccountsKit.ParseAsync(weak);
        weakPage.QuerySelector("#Password-error")!.TextContent.ShouldContain("too common");
        weakPage.QuerySelector("#Password")!.GetAttribute("aria-invalid").ShouldBe("true");
        using var mismatch = await invitee.SetPasswordAsync(link, AccountsKit.NewPassword, AccountsKit.NewPassword + "x");
        (await AccountsKit.ParseAsync(mismatch)).QuerySelector("#ConfirmPassword-error")!.TextContent.Trim().ShouldBe("The two passwords are not the same.");

        using var accepted = await invitee.SetPasswordAsync(link, AccountsKit.NewPassword);

        accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        accepted.Headers.Location!.OriginalString.ShouldBe("/Admin");
        using var dashboard = await invitee.GetAsync("/Admin");
        dashboard.StatusCode.ShouldBe(HttpStatusCode.OK, "signed in as the new Editor (two-factor is off in the Testing environment)");
        await _factory.NewClient().ShouldBeRefusedLinkAsync(link);
        (await _factory.SignedInAsync("accept-me@example.org", AccountsKit.NewPassword)).ShouldNotBeNull();
        var user = (await _factory.UserAsync("accept-me@example.org"))!;
        user.EmailConfirmed.ShouldBeTrue();
        (await admin.PageAsync("/Admin/Accounts?q=accept-me")).QuerySelector("[data-state]")!.GetAttribute("data-state").ShouldBe("active");
    }

    [Fact]
    public async Task InvitationLinks_Expire_ReSendingReplacesThem_AndRevokingWithdrawsThem()
    {
        using var factory = new WebFactory();
        var admin = await factory.SignedInStaffAsync("expiry-admin@example.org", Roles.Administrator);
        using (await admin.InviteAsync("late@example.org")) { }
        var first = await factory.OutboxLinkAsync("late@example.org");
        var user = (await factory.UserAsync("late@example.org"))!;

        using (await admin.SubmitAsync("/Admin/Accounts/Edit/" + user.Id, "#resend-form", [])) { }
        var second = await factory.OutboxLinkAsync("late@example.org");
        second.ShouldNotBe(first);
        await factory.NewClient().ShouldBeRefusedLinkAsync(first);
        (await factory.NewClient().PageAsync(second)).QuerySelector("#set-password-form").ShouldNotBeNull();

        factory.Clock.Now = factory.Now.AddDays(7).AddMinutes(1);
        await factory.NewClient().ShouldBeRefusedLinkAsync(second);
        using var lateAccept = await factory.NewClient().PostAsync("/Identity/Invitation/Accept", new FormUrlEncodedContent([]));
        lateAccept.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "no antiforgery token");

        var admin2 = await factory.SignedInAsync("expiry-admin@example.org", StaffClient.Password);
        var edit = await admin2.PageAsync("/Admin/Accounts/Edit/" + user.Id);
        edit.QuerySelector("#account-facts")!.TextContent.ShouldContain("expired");
        using (await admin2.SubmitAsync("/Admin/Accounts/Edit/" + user.Id, "#resend-form", [])) { }
        var third = await factory.OutboxLinkAsync("late@example.org");
        (await factory.NewClient().PageAsync(third)).QuerySelector("#set-password-form").ShouldNotBeNull("a re-sent invitation runs for another week");

        using var revoked = await admin2.SubmitAsync("/Admin/Accounts/Edit/" + user.Id, "#revoke-form", []);
        revoked.Headers.Location!.OriginalString.ShouldBe("/Admin/Accounts");
        await factory.NewClient().ShouldBeRefusedLinkAsync(third);
        (await factory.UserAsync("late@example.org")).ShouldBeNull();
        (await factory.AccountAuditAsync("late@example.org")).Select(e => e.Action).ShouldBe(["create", "update", "update", "delete"]);
    }

    [Theory]
    [InlineData("/Identity/Invitation/Accept")]
    [InlineData("/Identity/Invitation/Accept?user=nobody&token=abc")]
    [InlineData("/Identity/Invitation/Accept?user=%00&token=%25%25%25")]
    [InlineData("/Identity/Password/Reset?user=x&token=AAAA")]
    [InlineData("/Identity/Password/Reset")]
    public async Task IncompleteOrMadeUpLinks_GetAClearPage(string link)
    {
        await _factory.NewClient().ShouldBeRefusedLinkAsync(link);
    }

    [Fact]
    public async Task AnAlteredToken_IsRefused()
    {
        var admin = await _factory.SignedInStaffAsync("tamper-admin@example.org", Roles.Administrator);
        using (await admin.InviteAsync("tamper@example.org")) { }
        var link = await _factory.OutboxLinkAsync("tamper@example.org");
        var other = (await _factory.UserAsync("tamper-admin@example.org"))!;

        var lastChar = link[^1];
        await _factory.NewClient().ShouldBeRefusedLinkAsync(link[..^1] + (lastChar == 'A' ? 'B' : 'A'));
        await _factory.NewClient().ShouldBeRefusedLinkAsync(link[..^6]);
        var user = (await _factory.UserAsync("tamper@example.org"))!;
        await _factory.NewClient().ShouldBeRefusedLinkAsync(link.Replace(user.Id, other.Id, StringComparison.Ordinal));
        (await _factory.NewClient().PageAsync(link)).QuerySelector("#set-password-form").ShouldNotBeNull("the untouched link still works");
    }

    [Fact]
    public async Task ChangingRoles_TakesEffectInOpenSessions_AndIsAudited()
    {
        var admin = await _factory.SignedInStaffAsync("roles-admin@example.org", Roles.Administrator);
        var colleague = await _factory.SignedInStaffAsync("roles-colleague@example.org", Roles.Editor);
        var id = (await _factory.UserAsync("roles-colleague@example.org"))!.Id;
        using (var before = await colleague.GetAsync("/Admin/Accounts"))
        {
            before.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        using var promoted = await admin.SubmitAsync("/Admin/Accounts/Edit/" + id, "#roles-form", new() { ["roles"] = Roles.Administrator });

        promoted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await admin.PageAsync(promoted.Headers.Location!.OriginalString)).QuerySelector("[role=status]")!.TextContent.ShouldContain("Roles of roles-colleague@example.org saved.");
        _factory.Clock.Now = _factory.Clock.Now.AddMinutes(2); // the next security-stamp check
        using (var after = await colleague.GetAsync("/Admin/Accounts"))
        {
            after.StatusCode.ShouldBe(HttpStatusCode.OK, "the open session now carries the Administrator role");
        }

        using (await admin.SubmitAsync("/Admin/Accounts/Edit/" + id, "#roles-form", new() { ["roles"] = Roles.Editor })) { }
        _factory.Clock.Now = _factory.Clock.Now.AddMinutes(2);
        using (var demoted = await colleague.GetAsync("/Admin/Accounts"))
        {
            demoted.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        var audit = await _factory.AccountAuditAsync("roles-colleague@example.org");
        audit.Select(e => e.Changes).ShouldBe(["{\"Roles\":[\"Editor\",\"Administrator\"]}", "{\"Roles\":[\"Administrator\",\"Editor\"]}"]);
        audit.ShouldAllBe(e => e.UserName == "roles-admin@example.org" && e.Action == "update");
    }

    [Fact]
    public async Task Disabling_EndsOpenSessions_AndRefusesSignIn_EnablingRestoresIt_BothAudited()
    {
        var admin = await _factory.SignedInStaffAsync("disable-admin@example.org", Roles.Administrator);
        var colleague = await _factory.SignedInStaffAsync("disable-me@example.org", Roles.Editor);
        var id = (await _factory.UserAsync("disable-me@example.org"))!.Id;

        using var disabled = await admin.SubmitAsync("/Admin/Accounts/Edit/" + id, "#disable-form", []);

        disabled.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await _factory.UserAsync("disable-me@example.org"))!.IsDisabled.ShouldBeTrue();
        _factory.Clock.Now = _factory.Clock.Now.AddMinutes(2);
        using (var session = await colleague.GetAsync("/Admin"))
        {
            session.IsRedirectToLogin().ShouldBeTrue("the open session of a disabled account ends");
        }

        using (var refused = await _factory.NewClient().PostLoginAsync("disable-me@example.org", StaffClient.Password))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.OK, "a disabled account cannot sign in");
        }

        using (await admin.SubmitAsync("/Admin/Accounts/Edit/" + id, "#enable-form", [])) { }
        (await _factory.SignedInAsync("disable-me@example.org", StaffClient.Password)).ShouldNotBeNull();
        var audit = await _factory.AccountAuditAsync("disable-me@example.org");
        audit.Select(e => e.Changes).ShouldBe(["{\"IsDisabled\":[false,true]}", "{\"IsDisabled\":[true,false]}"]);
        audit.ShouldAllBe(e => e.UserName == "disable-admin@example.org");
    }

    [Fact]
    public async Task TheLastAdministrator_CannotBeDemotedOrDisabled_AndNobodyDisablesThemselves()
    {
        using var factory = new WebFactory();
        var admin = await factory.SignedInStaffAsync("only-admin@example.org", Roles.Administrator);
        var self = (await factory.UserAsync("only-admin@example.org"))!.Id;

        using var demote = await admin.SubmitAsync("/Admin/Accounts/Edit/" + self, "#roles-form", new() { ["roles"] = Roles.Editor });
        var page = await admin.PageAsync(demote.Headers.Location!.OriginalString);
        page.QuerySelector(".alert-danger")!.TextContent.ShouldContain("without an active Administrator");
        page.QuerySelector("#disable-form").ShouldBeNull("no disable button on one's own account");
        (await admin.PageAsync("/Admin/Accounts")).QuerySelector("[data-roles]")!.GetAttribute("data-roles").ShouldBe("Administrator");

        var token = page.QuerySelector("#roles-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var disableSelf = await admin.PostAsync("/Admin/Accounts/Disable/" + self, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        (await admin.PageAsync(disableSelf.Headers.Location!.OriginalString)).QuerySelector(".alert-danger")!.TextContent.ShouldBe("You cannot disable your own account.");

        // A second Administrator who has not accepted the invitation does not count: they cannot sign in yet.
        using (await admin.InviteAsync("pending-admin@example.org", Roles.Administrator)) { }
        using var stillRefused = await admin.SubmitAsync("/Admin/Accounts/Edit/" + self, "#roles-form", new() { ["roles"] = Roles.Editor });
        (await admin.PageAsync(stillRefused.Headers.Location!.OriginalString)).QuerySelector(".alert-danger").ShouldNotBeNull();
        (await factory.UserAsync("only-admin@example.org"))!.IsDisabled.ShouldBeFalse();
        (await factory.AccountAuditAsync("only-admin@example.org")).ShouldBeEmpty();
    }

    [Fact]
    public async Task TheOutboxScreen_DoesNotShowTheLinkTokens()
    {
        var admin = await _factory.SignedInStaffAsync("outbox-admin@example.org", Roles.Administrator);
        using (await admin.InviteAsync("outbox-invitee@example.org")) { }
        var mail = (await _factory.OutboxAsync("outbox-invitee@example.org")).Single();

        var details = await admin.PageAsync("/Admin/Outbox/Details/" + mail.Id);

        var token = AccountsKit.LinkIn(mail.BodyText).Split("token=")[1];
        details.QuerySelector("#mail-text")!.TextContent.ShouldContain("token=…");
        details.DocumentElement.OuterHtml.ShouldNotContain(token);
    }

    private static async Task AddAccountsAsync(WebFactory factory, int count, int from = 0) =>
        await factory.WithDbAsync(async db =>
        {
            var editor = db.Roles.Single(r => r.Name == Roles.Editor).Id;
            for (var i = from; i < from + count; i++)
            {
                var email = $"bulk{i:0000}@example.org";
                var user = new ApplicationUser { UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(), SecurityStamp = Guid.NewGuid().ToString() };
                db.Users.Add(user);
                db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = editor });
            }

            await db.SaveChangesAsync();
        });

    private static async Task<int> CountAsync(WebFactory factory, HttpClient admin)
    {
        using (await admin.GetAsync("/Admin/Dashboard")) { }
        factory.SqlCommands.Reset();
        using var response = await admin.GetAsync("/Admin/Accounts?page=2");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return factory.SqlCommands.Count;
    }
}
