using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Audit;
using static PortCooperation.IntegrationTests.Web.WebTestData;

namespace PortCooperation.IntegrationTests.Admin;

public sealed class AuditLogTests
{
    private static readonly DateTime Now = WebFactory.DefaultNow.UtcDateTime;

    [Fact]
    public async Task Saves_InARequest_WriteOneEntryPerChange_WithWhoWhenAndFieldsOldToNew()
    {
        using var factory = new WebFactory();
        var id = await AsUserAsync(factory, "maria@example.org", async db =>
        {
            var activity = NewActivity("Port security webinar", Now.AddDays(5), a => a.PublicationState = PublicationState.Draft);
            db.Add(activity);
            await db.SaveChangesAsync();
            activity.TitleEn = "Port cybersecurity webinar";
            await db.SaveChangesAsync();
            activity.PublicationState = PublicationState.Published;
            await db.SaveChangesAsync();
            activity.PublicationState = PublicationState.Draft;
            await db.SaveChangesAsync();
            db.Remove(activity);
            await db.SaveChangesAsync();
            return activity.Id;
        });

        var entries = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == "Activity").OrderBy(e => e.Id).ToListAsync());
        entries.Select(e => e.Action).ShouldBe(["create", "update", "publish", "unpublish", "delete"]);
        entries.ShouldAllBe(e => e.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture) && e.UserName == "maria@example.org"
            && e.UserId == "user-1" && e.OccurredAtUtc == Now);
        AuditChange.Parse(entries[0].Changes).ShouldContain(new AuditChange("TitleEn", null, "Port security webinar"));
        AuditChange.Parse(entries[1].Changes).ShouldBe([new AuditChange("TitleEn", "Port security webinar", "Port cybersecurity webinar")]);
        AuditChange.Parse(entries[2].Changes).ShouldBe([new AuditChange("PublicationState", "0", "1")]);
        AuditChange.Parse(entries[4].Changes).ShouldContain(new AuditChange("TitleEn", "Port cybersecurity webinar", null));
        entries.ShouldAllBe(e => e.Changes == null || !e.Changes.Contains("\"Version\""));
    }

    [Fact]
    public async Task Registrations_AreLoggedByIdAndStatusOnly_NoPersonalData()
    {
        using var factory = new WebFactory();
        var activity = NewActivity("Course", Now.AddDays(5));
        await factory.AddAsync(activity);
        await AsUserAsync(factory, null, async db =>
        {
            var registration = new Registration
            {
                ActivityId = activity.Id, FullName = "Ana Pérez Secret", Email = "ana.secret@example.org", NormalizedEmail = "ANA.SECRET@EXAMPLE.ORG",
                OrganisationName = "Puerto Secreto", Position = "Director", Status = RegistrationStatus.Pending, AccessToken = "token-secret",
                ConsentTextVersion = "v1", ConsentGivenAtUtc = Now,
            };
            db.Add(registration);
            await db.SaveChangesAsync();
            registration.Status = RegistrationStatus.Confirmed;
            registration.FullName = "Ana Pérez Secreta";
            await db.SaveChangesAsync();
            return 0;
        });

        var entries = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == "Registration").OrderBy(e => e.Id).ToListAsync());
        entries.Select(e => e.Action).ShouldBe(["create", "update"]);
        entries.ShouldAllBe(e => e.UserName == null);
        var all = string.Join(" ", entries.Select(e => e.Changes));
        all.ShouldNotContain("Secret", Case.Insensitive);
        all.ShouldNotContain("Director");
        AuditChange.Parse(entries[1].Changes).ShouldBe([new AuditChange("Status", "1", "2")]);
    }

    [Fact]
    public async Task AFailedSave_WritesNoEntry_AndChangesOutsideRequests_AreNotLogged()
    {
        using var factory = new WebFactory();
        var activity = NewActivity("Seeded outside a request", Now.AddDays(5));
        await factory.AddAsync(activity);

        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => AsUserAsync(factory, "maria@example.org", async db =>
        {
            var stale = await db.Activities.SingleAsync(a => a.Id == activity.Id);
            db.Entry(stale).Property(a => a.Version).OriginalValue = 99;
            stale.TitleEn = "Lost edit";
            await db.SaveChangesAsync();
            return 0;
        }));

        (await factory.WithDbAsync(db => db.AuditEntries.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task AuditScreen_FiltersByUserTypeActionAndDates_Paged_AndOffersNoEditing()
    {
        using var factory = new WebFactory();
        var entries = Enumerable.Range(0, 60).Select(i => new AuditEntry
        {
            OccurredAtUtc = Now.AddDays(-i), UserName = i % 2 == 0 ? "maria@example.org" : "jose@example.org",
            Action = i % 3 == 0 ? "publish" : "update", EntityType = i < 50 ? "Activity" : "Organisation", EntityId = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Changes = """{"TitleEn":["Old title","New title"]}""",
        }).ToArray();
        await factory.AddAsync(entries);
        var client = await factory.SignedInStaffAsync();

        // 60 entries plus the reader's own sign-in (sign-in events are audited too).
        var all = await client.PageAsync("/Admin/Audit");
        all.QuerySelector("[data-total]")!.GetAttribute("data-total").ShouldBe("61");
        all.QuerySelectorAll("#audit-entries tbody tr").Length.ShouldBe(50);
        all.QuerySelectorAll("#audit-entries tbody tr").ShouldContain(row => Squash(row.TextContent).Contains("TitleEn: Old title → New title"));
        all.QuerySelector("a[rel=next]").ShouldNotBeNull();
        (await client.PageAsync("/Admin/Audit?page=2")).QuerySelectorAll("#audit-entries tbody tr").Length.ShouldBe(11);
        (await TotalAsync(client, "/Admin/Audit?operation=sign-in")).ShouldBe(1);

        (await TotalAsync(client, "/Admin/Audit?user=maria@example.org")).ShouldBe(30);
        (await TotalAsync(client, "/Admin/Audit?type=Organisation")).ShouldBe(10);
        (await TotalAsync(client, "/Admin/Audit?operation=publish")).ShouldBe(20);
        (await TotalAsync(client, "/Admin/Audit?from=2032-02-20&to=2032-02-29")).ShouldBe(10);
        (await TotalAsync(client, "/Admin/Audit?from=not-a-date&page=abc")).ShouldBe(61);
        all.QuerySelectorAll("main form[method=post]").Length.ShouldBe(0);
    }

    [Fact]
    public async Task AuditScreen_IsStaffOnly()
    {
        using var factory = new WebFactory();
        using var response = await factory.CreateBrowserLikeClient().GetAsync("/Admin/Audit");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Identity/Account/Login");
    }

    private static async Task<int> TotalAsync(HttpClient client, string url) =>
        int.Parse((await client.PageAsync(url)).QuerySelector("[data-total]")!.GetAttribute("data-total")!, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Runs <paramref name="work"/> as if inside a request of <paramref name="userName"/> (null: an anonymous visitor).</summary>
    private static async Task<T> AsUserAsync<T>(WebFactory factory, string? userName, Func<PortalDbContext, Task<T>> work)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var accessor = scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>();
        var identity = userName is null ? new ClaimsIdentity() : new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "user-1"), new Claim(ClaimTypes.Name, userName)], "Test");
        accessor.HttpContext = new DefaultHttpContext { User = new ClaimsPrincipal(identity) };
        try
        {
            return await work(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
        }
        finally
        {
            accessor.HttpContext = null;
        }
    }
}
