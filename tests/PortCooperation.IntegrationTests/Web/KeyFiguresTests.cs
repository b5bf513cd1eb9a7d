using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PortCooperation.Web.Domain;
using static PortCooperation.IntegrationTests.Web.WebTestData;

namespace PortCooperation.IntegrationTests.Web;

public sealed class KeyFiguresTests
{
    private static readonly DateTime Now = WebFactory.DefaultNow.UtcDateTime;

    [Fact]
    public async Task Home_KeyFigures_AreCountedFromTheRecords()
    {
        using var factory = new WebFactory();
        // Whatever reference data exists is counted too; the test adds known rows on top of it.
        var (membersBefore, systemsBefore, documentsBefore) = await factory.WithDbAsync(async db => (
            await db.Countries.CountAsync(c => c.IsMemberState),
            await db.PortSystems.CountAsync(p => p.Memberships.Any()),
            await db.Documents.CountAsync(d => d.PublicationState == PublicationState.Published)));
        await factory.WithDbAsync(async db =>
        {
            var memberA = await CountryAsync(db, "XA", "Testland", "Tierra de prueba");
            var memberB = await CountryAsync(db, "XB", "Otherland", "Otra tierra");
            var outsider = await CountryAsync(db, "XC", "Faraway", "Lejanía", isMember: false);
            var programme = new Programme { Slug = $"net-{Guid.NewGuid():N}", NameEn = "Test network" };
            var phase = new ProgrammePhase { Programme = programme, Sequence = 1, Label = "I" };
            PortSystem System(Country country) => new() { Slug = $"ps-{Guid.NewGuid():N}", Name = "Port", Country = country };
            db.ProgrammeMemberships.AddRange(
                new ProgrammeMembership { Programme = programme, Phase = phase, PortSystem = System(memberA) },
                new ProgrammeMembership { Programme = programme, Phase = phase, PortSystem = System(memberA) },
                new ProgrammeMembership { Programme = programme, Phase = phase, PortSystem = System(outsider) });
            db.PortSystems.Add(System(memberB)); // not in any programme: not part of the network

            db.Documents.AddRange(
                Document(PublicationState.Published, null),
                Document(PublicationState.Published, Now.AddDays(-1)),
                Document(PublicationState.Draft, null),
                Document(PublicationState.Published, Now.AddDays(3)));

            db.ScholarshipAwards.AddRange(
                Award(memberA, new DateOnly(2031, 2, 1), 1500m),
                Award(memberA, new DateOnly(2031, 11, 30), 2000.25m),
                Award(memberB, new DateOnly(2031, 6, 15), 999.75m),
                Award(memberB, new DateOnly(2030, 6, 15), 50_000m));

            var reported = NewActivity("Reported webinar", new DateTime(2031, 5, 6, 15, 0, 0, DateTimeKind.Utc), a => a.ReportedParticipants = 120);
            var counted = NewActivity("Counted webinar", new DateTime(2031, 9, 1, 15, 0, 0, DateTimeKind.Utc));
            for (var i = 0; i < 4; i++)
            {
                counted.Registrations.Add(new Registration
                {
                    FullName = $"Person {i}",
                    Email = $"p{i}@example.org",
                    NormalizedEmail = $"p{i}@example.org",
                    ConsentTextVersion = "test",
                    AccessToken = Guid.NewGuid().ToString("N"),
                    Status = RegistrationStatus.Confirmed,
                    Attended = i < 3,
                });
            }

            db.Activities.AddRange(
                reported,
                counted,
                NewActivity("Earlier year", new DateTime(2030, 5, 6, 15, 0, 0, DateTimeKind.Utc), a => a.ReportedParticipants = 999),
                NewActivity("Not a webinar", new DateTime(2031, 5, 7, 15, 0, 0, DateTimeKind.Utc), a =>
                {
                    a.Kind = ActivityKind.Meeting;
                    a.ReportedParticipants = 999;
                }),
                NewActivity("Cancelled webinar", new DateTime(2031, 5, 8, 15, 0, 0, DateTimeKind.Utc), a =>
                {
                    a.Status = ActivityStatus.Cancelled;
                    a.ReportedParticipants = 999;
                }));
            await db.SaveChangesAsync();
        });

        var page = await factory.CreateClient().GetDocumentAsync("/");

        Figure(page, "Member states").ShouldBe($"{membersBefore + 2}");
        Figure(page, "Port systems in the network").ShouldBe($"{systemsBefore + 3} in 2 countries");
        Figure(page, "Best-practice documents published").ShouldBe($"{documentsBefore + 2}");
        Figure(page, "Scholarships awarded in 2031").ShouldBe("3 worth USD 4,500");
        Figure(page, "Webinar participants in 2031").ShouldBe("123 in 2 webinars");
    }

    [Fact]
    public async Task Home_KeyFigures_InSpanish_UseSpanishNumberFormat()
    {
        using var factory = new WebFactory();
        await factory.WithDbAsync(async db =>
        {
            var country = await CountryAsync(db, "XA", "Testland", "Tierra de prueba");
            db.ScholarshipAwards.AddRange(Award(country, new DateOnly(2031, 2, 1), 723_783m));
            await db.SaveChangesAsync();
        });

        var page = await factory.CreateClient().GetDocumentAsync("/?culture=es");

        Figure(page, "Becas otorgadas en 2031").ShouldBe("1 por un total de USD 723.783");
    }

    private static string Figure(IHtmlDocument page, string label)
    {
        var figure = page.QuerySelectorAll(".key-figure")
            .SingleOrDefault(f => Squash(f.QuerySelector("dt")!.TextContent) == label);
        figure.ShouldNotBeNull($"no key figure labelled '{label}'");
        return Squash(string.Join(' ', figure.QuerySelectorAll("dd").Select(dd => dd.TextContent)));
    }

    private static BestPracticeDocument Document(PublicationState state, DateTime? publishAt) => new()
    {
        Slug = $"doc-{Guid.NewGuid():N}",
        TitleEn = "Document",
        PublicationState = state,
        PublishAtUtc = publishAt,
        SourceKind = SourceKind.InternationalOrganisation,
    };

    private static ScholarshipAward Award(Country country, DateOnly on, decimal amount) => new()
    {
        RecipientName = "Recipient",
        Country = country,
        AwardedOn = on,
        AmountUsd = amount,
    };
}
