using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PortCooperation.IntegrationTests.Infrastructure;
using PortCooperation.IntegrationTests.Mail;
using PortCooperation.IntegrationTests.Security;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Mail;
using static PortCooperation.IntegrationTests.Registrations.RegistrationTestKit;

namespace PortCooperation.IntegrationTests.Operations;

/// <summary>
/// Scale-out: two app instances (separate data folders, as on two servers) over ONE PostgreSQL database.
/// A sign-in made on one is honoured by the other (the key ring lives in the database), a registrant's private
/// link made on one opens on the other, and when both deliver the outbox at the same time each mail reaches the
/// SMTP server exactly once (each mail is claimed with a lease by one conditional UPDATE).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TwoInstancesTests(PostgresCluster cluster)
{
    [PostgresSmtpFact]
    public async Task TwoInstancesOnOnePostgres_ShareSignIns_PrivateLinks_AndSendEachMailOnce()
    {
        await using var sink = new SmtpSink();
        await sink.StartAsync();
        var connectionString = await cluster.CreateDatabaseAsync("two-instances");
        Dictionary<string, string?> SettingsFor() => Settings(new Dictionary<string, string?>(sink.AppSettings())
        {
            ["Database:Provider"] = "PostgreSQL",
            ["ConnectionStrings:Portal"] = connectionString,
        });
        using var first = new WebFactory(settings: SettingsFor());
        using var second = new WebFactory(settings: SettingsFor());
        first.DataDirectory.ShouldNotBe(second.DataDirectory);

        // A sign-in on the first instance works on the second.
        await first.CreateUserAsync("two-instances@example.org", StaffSession.Password, Roles.Editor);
        using var signIn = await first.NewClient().PostLoginAsync("two-instances@example.org", StaffSession.Password);
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-portal-auth=", StringComparison.Ordinal)).Split(';')[0];
        using (var admin = await SendWithCookieAsync(second, "/Admin", cookie))
        {
            admin.StatusCode.ShouldBe(HttpStatusCode.OK, "the second instance reads the first one's sign-in cookie");
        }

        // Registrations arrive on both instances; the private link of one opens on the other.
        var activity = OpenActivity(a => a.Capacity = 100);
        await first.AddAsync(activity);
        var onFirst = first.CreateBrowserLikeClient();
        var onSecond = second.CreateBrowserLikeClient();
        for (var i = 0; i < 10; i++)
        {
            var client = i % 2 == 0 ? onFirst : onSecond;
            using var response = await client.PostRegistrationAsync(activity.Slug, Fields(email: $"person{i}@example.org", language: i % 3 == 0 ? "es" : "en"));
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"registration {i}");
        }

        var registrations = await first.RegistrationsAsync(activity.Id);
        registrations.Count.ShouldBe(10);
        var madeOnFirst = registrations.Single(r => r.Email == "person0@example.org");
        using (var link = await second.CreateClient().GetAsync($"/registrations/{madeOnFirst.AccessToken}"))
        {
            link.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await link.Content.ReadAsStringAsync()).ShouldContain("person0@example.org");
        }

        // Both instances deliver at the same time, several rounds each: every mail is sent once.
        var outbox = await first.OutboxAsync();
        outbox.Count.ShouldBe(10);
        var delivered = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => DeliverAsync(i % 2 == 0 ? first : second)));
        delivered.Sum().ShouldBe(10);

        var mails = sink.Messages();
        mails.Count.ShouldBe(10);
        mails.Select(m => m.IdempotencyKey).Distinct().Count().ShouldBe(10);
        mails.SelectMany(m => m.To).Order().ShouldBe(registrations.Select(r => r.Email).Order());
        (await first.OutboxAsync()).ShouldAllBe(m => m.Status == OutboxStatus.Sent);
    }

    private static async Task<int> DeliverAsync(WebFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DeliverDueAsync(CancellationToken.None);
    }

    private static async Task<HttpResponseMessage> SendWithCookieAsync(WebApplicationFactory<Program> factory, string url, string cookie)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = false,
            BaseAddress = new Uri("https://localhost"),
        });
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }
}

/// <summary>A test that needs the PostgreSQL cluster (the SMTP server runs in-process); never skipped in CI.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresSmtpFactAttribute : FactAttribute
{
    public PostgresSmtpFactAttribute()
    {
        var reason = PostgresBinaries.UnavailableReason;
        if (reason is not null && !PostgresBinaries.IsCi)
        {
            Skip = "Test skipped: " + reason + ".";
        }
    }
}
