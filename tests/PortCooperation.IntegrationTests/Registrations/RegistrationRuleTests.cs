using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PortCooperation.IntegrationTests.Infrastructure;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Registrations;
using static PortCooperation.IntegrationTests.Registrations.RegistrationTestKit;

namespace PortCooperation.IntegrationTests.Registrations;

/// <summary>docs/quality.md R1 (capacity under concurrency) and R3 (promotion exactly once), on SQLite and PostgreSQL.</summary>
public abstract class RegistrationRuleTests
{
    protected abstract Task<WebFactory> CreateFactoryAsync();

    protected async Task HundredConcurrentRegistrations_ForFiftyPlaces_GiveFiftyConfirmedAndFiftyWaitlisted()
    {
        using var factory = await CreateFactoryAsync();
        var activity = OpenActivity(a => { a.Capacity = 50; a.WaitingListEnabled = true; });
        await factory.AddAsync(activity);
        var client = factory.CreateBrowserLikeClient();
        var token = await client.FormTokenAsync(activity.Slug);

        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(async i =>
        {
            using var response = await client.PostRegistrationWithTokenAsync(activity.Slug, Fields(email: $"person{i}@example.org"), token);
            return (response.StatusCode, Location: response.Headers.Location?.ToString() ?? "");
        }));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Redirect);
        responses.Count(r => r.Location.EndsWith("=Confirmed", StringComparison.Ordinal)).ShouldBe(50);
        responses.Count(r => r.Location.EndsWith("=Waitlisted", StringComparison.Ordinal)).ShouldBe(50);
        var registrations = await factory.RegistrationsAsync(activity.Id);
        registrations.Count.ShouldBe(100);
        registrations.Select(r => r.NormalizedEmail).Distinct().Count().ShouldBe(100);
        registrations.Count(r => r.Status == RegistrationStatus.Confirmed).ShouldBe(50);
        registrations.Count(r => r.Status == RegistrationStatus.Waitlisted).ShouldBe(50);
        var mails = await factory.OutboxAsync();
        mails.Count.ShouldBe(100);
        mails.Select(m => m.RegistrationId).Distinct().Count().ShouldBe(100);
    }

    protected async Task ConcurrentCancellations_PromoteTheFirstWaitlistedPerson_ExactlyOnce()
    {
        using var factory = await CreateFactoryAsync();
        var activity = OpenActivity(a => { a.Capacity = 1; a.WaitingListEnabled = true; });
        await factory.AddAsync(activity);
        var client = factory.CreateBrowserLikeClient();
        foreach (var email in new[] { "holder@example.org", "first@example.org", "second@example.org" })
        {
            (await client.PostRegistrationAsync(activity.Slug, Fields(email: email))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var holder = (await factory.RegistrationsAsync(activity.Id))[0];
        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(async _ =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<RegistrationService>().CancelAsync(holder.AccessToken, CancellationToken.None);
        }));

        results.Count(r => r).ShouldBe(1);
        var after = await factory.RegistrationsAsync(activity.Id);
        after.Select(r => (r.NormalizedEmail, r.Status)).ShouldBe([
            ("holder@example.org", RegistrationStatus.Cancelled),
            ("first@example.org", RegistrationStatus.Confirmed),
            ("second@example.org", RegistrationStatus.Waitlisted),
        ]);
        var mails = await factory.OutboxAsync();
        mails.Count(m => m.IdempotencyKey.StartsWith("Promoted:", StringComparison.Ordinal)).ShouldBe(1);
        mails.Single(m => m.IdempotencyKey.StartsWith("Promoted:", StringComparison.Ordinal)).RegistrationId.ShouldBe(after[1].Id);
        mails.Count(m => m.IdempotencyKey.StartsWith("CancelledByRegistrant:", StringComparison.Ordinal)).ShouldBe(1);
    }
}

public sealed class RegistrationRulesOnSqlite : RegistrationRuleTests
{
    protected override Task<WebFactory> CreateFactoryAsync() => Task.FromResult(new WebFactory(settings: Settings()));

    [Fact]
    public Task HundredConcurrentRegistrations_ForFiftyPlaces_GiveFiftyConfirmedAndFiftyWaitlisted_R1() =>
        HundredConcurrentRegistrations_ForFiftyPlaces_GiveFiftyConfirmedAndFiftyWaitlisted();

    [Fact]
    public Task ConcurrentCancellations_PromoteTheFirstWaitlistedPerson_ExactlyOnce_R3() =>
        ConcurrentCancellations_PromoteTheFirstWaitlistedPerson_ExactlyOnce();

    [Fact]
    public async Task ApprovalAndRejection_InBulk_MailEachPerson_AndARejectionFreesAPlaceForTheWaitingList()
    {
        using var factory = new WebFactory(settings: Settings());
        var activity = OpenActivity(a => { a.Capacity = 2; a.WaitingListEnabled = true; a.RequiresApproval = true; });
        await factory.AddAsync(activity);
        var client = factory.CreateBrowserLikeClient();
        var outcomes = new List<string>();
        foreach (var email in new[] { "a@example.org", "b@example.org", "c@example.org" })
        {
            using var r = await client.PostRegistrationAsync(activity.Slug, Fields(email: email, language: "en"));
            outcomes.Add(r.Headers.Location!.ToString().Split('=')[^1]);
        }

        outcomes.ShouldBe(["Pending", "Pending", "Waitlisted"]);
        var registrations = await factory.RegistrationsAsync(activity.Id);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<RegistrationService>();
            (await service.DecideAsync(activity.Id, [registrations[0].Id], approve: true, null, CancellationToken.None)).ShouldBe(1);
            (await service.DecideAsync(activity.Id, [registrations[1].Id], approve: false, "The course is for port authority staff.", CancellationToken.None)).ShouldBe(1);
        }

        var after = await factory.RegistrationsAsync(activity.Id);
        after.Select(r => r.Status).ShouldBe([RegistrationStatus.Confirmed, RegistrationStatus.Rejected, RegistrationStatus.Pending]);
        var subjects = (await factory.OutboxAsync()).Select(m => m.Subject.Split(':')[0]).ToList();
        subjects.ShouldBe(["Registration received", "Registration received", "You are on the waiting list", "Registration approved", "Registration not accepted", "Registration received"]);
        (await factory.OutboxAsync()).Single(m => m.Subject.StartsWith("Registration not accepted", StringComparison.Ordinal)).BodyText
            .ShouldContain("The course is for port authority staff.");
    }
}

[Collection(PostgresCollection.Name)]
public sealed class RegistrationRulesOnPostgres(PostgresCluster cluster) : RegistrationRuleTests
{
    protected override async Task<WebFactory> CreateFactoryAsync() => new(settings: Settings(new Dictionary<string, string?>
    {
        ["Database:Provider"] = "PostgreSQL",
        ["ConnectionStrings:Portal"] = await cluster.CreateDatabaseAsync("registration"),
    }));

    [PostgresFact]
    public Task HundredConcurrentRegistrations_ForFiftyPlaces_GiveFiftyConfirmedAndFiftyWaitlisted_R1() =>
        HundredConcurrentRegistrations_ForFiftyPlaces_GiveFiftyConfirmedAndFiftyWaitlisted();

    [PostgresFact]
    public Task ConcurrentCancellations_PromoteTheFirstWaitlistedPerson_ExactlyOnce_R3() =>
        ConcurrentCancellations_PromoteTheFirstWaitlistedPerson_ExactlyOnce();
}
