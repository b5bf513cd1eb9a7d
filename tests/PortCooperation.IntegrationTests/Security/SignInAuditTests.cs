using System.Net;
using Microsoft.EntityFrameworkCore;
using PortCooperation.IntegrationTests.Admin;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Audit;
using StaffPaths = PortCooperation.Web.Infrastructure.IdentityServiceCollectionExtensions;

namespace PortCooperation.IntegrationTests.Security;

/// <summary>
/// Sign-in events go to the audit log — a sign-in (with its method), a refused attempt (with the
/// reason, never the password typed; an address without an account is masked) and a sign-out — and the audit
/// screen can filter them.
/// </summary>
public sealed class SignInAuditTests : IClassFixture<SharedWebFactory>
{
    private readonly WebFactory _factory;

    public SignInAuditTests(SharedWebFactory fixture) => _factory = fixture.Factory;

    [Fact]
    public async Task SignIn_RefusedAttempt_AndSignOut_AreAudited_WithoutThePasswordTyped()
    {
        const string email = "audit-signin@example.org";
        const string wrongPassword = "not the right passphrase 17";
        await _factory.CreateUserAsync(email, StaffSession.Password, Roles.Administrator);
        var client = _factory.NewClient();

        using (var refused = await client.PostLoginAsync(email, wrongPassword))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using (var unknown = await client.PostLoginAsync("nobody-here@example.org", wrongPassword))
        {
            unknown.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using (var signedIn = await client.PostLoginAsync(email, StaffSession.Password))
        {
            signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var token = await client.FormTokenAsync("/Admin");
        using (var signedOut = await client.PostAsync(StaffPaths.LogoutPath, new FormUrlEncodedContent(new Dictionary<string, string> { [StaffSession.AntiforgeryField] = token })))
        {
            signedOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var user = (await _factory.UserAsync(email))!;
        var entries = await _factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == AuditActions.SignInEntityType).OrderBy(e => e.Id).ToListAsync());
        var mine = entries.Where(e => e.EntityId == email).ToList();
        mine.Select(e => e.Action).ShouldBe([AuditActions.SignInFailed, AuditActions.SignIn, AuditActions.SignOut]);
        mine[0].UserId.ShouldBeNull();
        mine[0].Changes.ShouldNotBeNull().ShouldContain("wrong password");
        mine[1].UserId.ShouldBe(user.Id);
        mine[1].UserName.ShouldBe(email);
        mine[1].Changes.ShouldNotBeNull().ShouldContain("password");
        mine[2].UserId.ShouldBe(user.Id);
        entries.ShouldContain(e => e.Action == AuditActions.SignInFailed && e.EntityId != null && e.EntityId.Contains('*') && !e.EntityId.Contains("nobody-here"));
        entries.ShouldAllBe(e => e.Changes == null || !e.Changes.Contains(wrongPassword));

        var admin = await _factory.SignedInClientAsync("audit-signin-reader@example.org", Roles.Administrator);
        var page = await admin.PageAsync("/Admin/Audit?operation=sign-in-failed");
        page.QuerySelectorAll("tbody tr").ShouldNotBeEmpty();
        page.QuerySelector("tbody")!.TextContent.ShouldContain(email);
    }
}
