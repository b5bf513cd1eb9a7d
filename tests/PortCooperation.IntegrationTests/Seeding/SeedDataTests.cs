using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using PortCooperation.IntegrationTests.Database;
using PortCooperation.IntegrationTests.Infrastructure;
using PortCooperation.Web.Data;
using PortCooperation.Web.Data.Seeding;
using PortCooperation.Web.Domain;

namespace PortCooperation.IntegrationTests.Seeding;

/// <summary>
/// On one provider: reference and demo data drawn from the two source documents, with the report's
/// totals exact, and seeding idempotent. Remove or change a seed row and one of these goes red.
/// </summary>
public abstract class SeedDataTests(TestDatabases databases) : IDisposable
{
    public void Dispose()
    {
        (databases as IDisposable)?.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task<PortalDbContext> SeededAsync(bool demo)
    {
        var db = databases.Open(await databases.CreateEmptyAsync());
        await db.Database.MigrateAsync();
        await DataSeeder.SeedAsync(db, demo, NullLogger.Instance);
        db.ChangeTracker.Clear();
        return db;
    }

    protected async Task MemberStatesAreTheOasMembersByRegion()
    {
        await using var db = await SeededAsync(demo: false);

        var byRegion = await db.Countries.Where(c => c.IsMemberState)
            .GroupBy(c => c.Region).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();

        byRegion.OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count}")
            .ShouldBe(["NorthAmerica 3", "CentralAmerica 6", "SouthAmerica 10", "Caribbean 16"]);
        (await db.Countries.Where(c => !c.IsMemberState).Select(c => c.Code).OrderBy(c => c).ToListAsync())
            .ShouldBe(["CH", "ES", "FR", "MS", "NL", "VG"]);
        (await db.Countries.SingleAsync(c => c.Code == "PE")).NameEs.ShouldBe("Perú");
    }

    protected async Task WithDemoDataOff_OnlyReferenceDataIsThere()
    {
        await using var db = await SeededAsync(demo: false);

        (await db.Countries.CountAsync()).ShouldBe(41);
        (await db.Topics.CountAsync()).ShouldBeGreaterThan(0);
        (await db.Activities.CountAsync()).ShouldBe(0);
        (await db.ScholarshipAwards.CountAsync()).ShouldBe(0);
        (await db.Documents.CountAsync()).ShouldBe(0);
        (await db.PortSystems.CountAsync()).ShouldBe(0);
    }

    protected async Task Scholarships2019AddUpToTheReport()
    {
        await using var db = await SeededAsync(demo: true);
        var awards = await db.ScholarshipAwards
            .Where(a => a.AwardedOn >= new DateOnly(2019, 1, 1) && a.AwardedOn <= new DateOnly(2019, 12, 31))
            .Select(a => new { a.CountryId, a.Gender, a.AmountUsd, a.IsDemo, a.Country!.IsMemberState })
            .ToListAsync();

        awards.Count.ShouldBe(273);
        awards.Select(a => a.CountryId).Distinct().Count().ShouldBe(31);
        awards.ShouldAllBe(a => a.IsMemberState && a.IsDemo);
        awards.Count(a => a.Gender == Gender.Male).ShouldBe(173);
        awards.Count(a => a.Gender == Gender.Female).ShouldBe(100);
        awards.Sum(a => a.AmountUsd).ShouldBe(723_783m);
    }

    protected async Task ActivitiesOfTheReportAreThere()
    {
        await using var db = await SeededAsync(demo: true);
        var activities = await db.Activities.Select(a => new { a.Kind, a.Status, a.StartsAtUtc, a.OriginalStartsAtUtc, a.StatusReasonEn }).ToListAsync();

        // 25 from the report, the SELA documents and the fixed 2027 upcoming ones, plus 3 with open registration (below).
        activities.Count.ShouldBe(28);
        activities.Count(a => a.Status == ActivityStatus.Cancelled).ShouldBe(2);
        activities.Where(a => a.Status is ActivityStatus.Cancelled or ActivityStatus.Postponed).ShouldAllBe(a => !string.IsNullOrEmpty(a.StatusReasonEn));
        var postponed = activities.Single(a => a.Status == ActivityStatus.Postponed);
        postponed.OriginalStartsAtUtc.ShouldNotBeNull();
        postponed.StartsAtUtc.ShouldBeGreaterThan(postponed.OriginalStartsAtUtc!.Value);

        bool InQ2(DateTime d) => d >= new DateTime(2020, 4, 1, 0, 0, 0, DateTimeKind.Utc) && d < new DateTime(2020, 7, 1, 0, 0, 0, DateTimeKind.Utc);
        // The report's April–June 2020 quarter: six webinars and four courses held (a fifth course was only planned).
        activities.Count(a => a.Kind == ActivityKind.Webinar && a.Status == ActivityStatus.Held && InQ2(a.StartsAtUtc)).ShouldBe(6);
        activities.Count(a => a.Kind == ActivityKind.Course && a.Status == ActivityStatus.Held && InQ2(a.StartsAtUtc)).ShouldBe(4);
        (await db.SpeakingEngagements.CountAsync()).ShouldBe(4);
    }

    protected async Task PortNetworkHas21SystemsIn12Countries()
    {
        await using var db = await SeededAsync(demo: true);
        var memberships = await db.ProgrammeMemberships
            .Select(m => new { m.PortSystemId, m.PortSystem!.CountryId, m.Phase!.Label }).ToListAsync();

        memberships.Select(m => m.PortSystemId).Distinct().Count().ShouldBe(21);
        memberships.Select(m => m.CountryId).Distinct().Count().ShouldBe(12);
        memberships.Count(m => m.Label == "I–II").ShouldBe(15);
        memberships.Count(m => m.Label == "III").ShouldBe(6);
    }

    protected async Task Covid19CollectionIsSevenInternationalAndSixteenNational()
    {
        await using var db = await SeededAsync(demo: true);
        var documents = await db.CollectionDocuments
            .Where(cd => cd.Collection!.Slug == "covid-19-best-practices")
            .Select(cd => new { cd.Document!.SourceKind, Region = (Region?)cd.Document.Country!.Region })
            .ToListAsync();

        documents.Count(d => d.SourceKind == SourceKind.InternationalOrganisation).ShouldBe(7);
        var national = documents.Where(d => d.SourceKind == SourceKind.NationalAuthority).ToList();
        national.Count.ShouldBe(16);
        national.GroupBy(d => d.Region).Select(g => g.Count()).OrderBy(n => n).ShouldBe([3, 3, 5, 5]);
    }

    protected async Task SeedingTwiceAddsNothing()
    {
        await using var db = await SeededAsync(demo: true);
        var before = await CountAllAsync(db);

        await DataSeeder.SeedAsync(db, seedDemoData: true, NullLogger.Instance);
        db.ChangeTracker.Clear();

        (await CountAllAsync(db)).ShouldBe(before);
        before["Activities"].ShouldBe(28);
        before["Registrations"].ShouldBe(38 + 31 + 13);
    }

    protected async Task ARestart_KeepsStaffEdits_AndDoesNotBringBackDeletedRecords()
    {
        await using var db = await SeededAsync(demo: true);
        var peru = await db.Countries.SingleAsync(c => c.Code == "PE");
        peru.NameEn = "Republic of Peru";
        var topic = await db.Topics.OrderBy(t => t.Id).FirstAsync();
        topic.NameEs = "Renombrado por el personal";
        var award = await db.ScholarshipAwards.OrderBy(a => a.Id).FirstAsync();
        db.ScholarshipAwards.Remove(award);
        var engagement = await db.SpeakingEngagements.OrderBy(e => e.Id).FirstAsync();
        db.SpeakingEngagements.Remove(engagement);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        var before = await CountAllAsync(db);

        await DataSeeder.SeedAsync(db, seedDemoData: true, NullLogger.Instance);
        db.ChangeTracker.Clear();

        (await db.Countries.SingleAsync(c => c.Code == "PE")).NameEn.ShouldBe("Republic of Peru");
        (await db.Topics.SingleAsync(t => t.Id == topic.Id)).NameEs.ShouldBe("Renombrado por el personal");
        (await db.ScholarshipAwards.AnyAsync(a => a.Id == award.Id)).ShouldBeFalse();
        (await CountAllAsync(db)).ShouldBe(before, "nothing staff deleted comes back");
    }

    private static async Task<Dictionary<string, int>> CountAllAsync(PortalDbContext db) => new()
    {
        ["Countries"] = await db.Countries.CountAsync(),
        ["Topics"] = await db.Topics.CountAsync(),
        ["Organisations"] = await db.Organisations.CountAsync(),
        ["Activities"] = await db.Activities.CountAsync(),
        ["ActivityPartners"] = await db.Set<ActivityPartner>().CountAsync(),
        ["SpeakingEngagements"] = await db.SpeakingEngagements.CountAsync(),
        ["Programmes"] = await db.Programmes.CountAsync(),
        ["PortSystems"] = await db.PortSystems.CountAsync(),
        ["ProgrammeMemberships"] = await db.ProgrammeMemberships.CountAsync(),
        ["ScholarshipAwards"] = await db.ScholarshipAwards.CountAsync(),
        ["Documents"] = await db.Documents.CountAsync(),
        ["DocumentTopics"] = await db.Set<DocumentTopic>().CountAsync(),
        ["CollectionDocuments"] = await db.CollectionDocuments.CountAsync(),
        ["Registrations"] = await db.Registrations.CountAsync(),
    };

    /// <summary>Upcoming activities with open registration, dated from the seeding day, one per path.</summary>
    protected async Task DemoHasOpenRegistrations_NearlyFull_WaitingList_AndApproval()
    {
        await using var db = await SeededAsync(demo: true);
        var now = DateTime.UtcNow;
        var open = await db.Activities.Where(a => a.Registrations.Any())
            .Select(a => new
            {
                Activity = a,
                Confirmed = a.Registrations.Count(r => r.Status == RegistrationStatus.Confirmed),
                Waitlisted = a.Registrations.Count(r => r.Status == RegistrationStatus.Waitlisted),
                Pending = a.Registrations.Count(r => r.Status == RegistrationStatus.Pending),
            })
            .ToListAsync();

        open.Count.ShouldBe(3);
        open.ShouldAllBe(o => o.Activity.IsDemo && o.Activity.StartsAtUtc > now && o.Activity.StartsAtUtc < now.AddDays(60));
        open.ShouldAllBe(o => PortCooperation.Web.Services.Registrations.RegistrationService.IsOpen(o.Activity, now));
        open.Select(o => (o.Activity.Capacity, o.Confirmed, o.Waitlisted, o.Pending, o.Activity.RequiresApproval)).OrderBy(o => o.Capacity).ShouldBe([
            (25, 25, 6, 0, false),  // full: new registrations join the waiting list
            (30, 5, 0, 8, true),    // staff approve each one
            (40, 38, 0, 0, false),  // nearly full
        ]);
        (await db.Registrations.Select(r => r.Email).ToListAsync())
            .ShouldAllBe(e => e.EndsWith("@example.org", StringComparison.Ordinal) || e.EndsWith("@example.com", StringComparison.Ordinal));
        (await db.OutboxMessages.CountAsync()).ShouldBe(0);
    }
}

public sealed class SeedDataOnSqlite() : SeedDataTests(new SqliteDatabases())
{
    [Fact] public Task MemberStates_AreTheOasMembers_ByRegion() => MemberStatesAreTheOasMembersByRegion();

    [Fact] public Task WithDemoDataOff_OnlyReferenceData() => WithDemoDataOff_OnlyReferenceDataIsThere();

    [Fact] public Task Scholarships2019_AddUpToTheReport() => Scholarships2019AddUpToTheReport();

    [Fact] public Task Activities_OfTheReport() => ActivitiesOfTheReportAreThere();

    [Fact] public Task PortNetwork_21Systems_12Countries() => PortNetworkHas21SystemsIn12Countries();

    [Fact] public Task Covid19Collection_7International_16National() => Covid19CollectionIsSevenInternationalAndSixteenNational();

    [Fact] public Task SeedingTwice_AddsNothing() => SeedingTwiceAddsNothing();

    [Fact] public Task ARestart_KeepsStaffEditsAndDeletions() => ARestart_KeepsStaffEdits_AndDoesNotBringBackDeletedRecords();

    [Fact] public Task Demo_HasOpenRegistrations_ForEveryPath() => DemoHasOpenRegistrations_NearlyFull_WaitingList_AndApproval();
}

[Collection(PostgresCollection.Name)]
public sealed class SeedDataOnPostgres(PostgresCluster cluster) : SeedDataTests(new PostgresDatabases(cluster))
{
    [PostgresFact] public Task MemberStates_AreTheOasMembers_ByRegion() => MemberStatesAreTheOasMembersByRegion();

    [PostgresFact] public Task Scholarships2019_AddUpToTheReport() => Scholarships2019AddUpToTheReport();

    [PostgresFact] public Task PortNetwork_21Systems_12Countries() => PortNetworkHas21SystemsIn12Countries();

    [PostgresFact] public Task Covid19Collection_7International_16National() => Covid19CollectionIsSevenInternationalAndSixteenNational();

    [PostgresFact] public Task SeedingTwice_AddsNothing() => SeedingTwiceAddsNothing();

    [PostgresFact] public Task ARestart_KeepsStaffEditsAndDeletions() => ARestart_KeepsStaffEdits_AndDoesNotBringBackDeletedRecords();

    [PostgresFact] public Task Demo_HasOpenRegistrations_ForEveryPath() => DemoHasOpenRegistrations_NearlyFull_WaitingList_AndApproval();
}
