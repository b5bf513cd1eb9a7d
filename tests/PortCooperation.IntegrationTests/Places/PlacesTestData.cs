using System.Net;
using Microsoft.EntityFrameworkCore;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;

namespace PortCooperation.IntegrationTests.Places;

/// <summary>Rows for the member-states, port-network and partners tests.</summary>
internal static class PlacesTestData
{
    public static Task<Country> CountryByCodeAsync(this WebFactory factory, string code) =>
        factory.WithDbAsync(db => db.Countries.SingleAsync(c => c.Code == code));

    public static BestPracticeDocument NewDocument(string titleEn, Country? country, Action<BestPracticeDocument>? change = null)
    {
        var document = new BestPracticeDocument
        {
            Slug = $"doc-{Guid.NewGuid():N}",
            TitleEn = titleEn,
            TitleEs = titleEn + " (ES)",
            SourceKind = SourceKind.NationalAuthority,
            CountryId = country?.Id,
            Language = "es",
            PublishedOn = new DateOnly(2031, 5, 1),
            PublicationState = PublicationState.Published,
        };
        change?.Invoke(document);
        return document;
    }

    public static Registration NewRegistration(Activity activity, Country? country, RegistrationStatus status = RegistrationStatus.Confirmed, bool? attended = null)
    {
        var email = $"{Guid.NewGuid():N}@example.org";
        return new Registration
        {
            Activity = activity,
            FullName = "Test Person",
            Email = email,
            NormalizedEmail = email,
            CountryId = country?.Id,
            ConsentGivenAtUtc = WebFactory.DefaultNow.UtcDateTime.AddDays(-30),
            ConsentTextVersion = "1",
            Status = status,
            Attended = attended,
            AccessToken = Guid.NewGuid().ToString("N"),
        };
    }

    public static ScholarshipAward NewScholarship(Country country, int year, Gender gender, decimal amountUsd) =>
        new()
        {
            RecipientName = $"Scholar {Guid.NewGuid():N}",
            Gender = gender,
            CountryId = country.Id,
            ProgrammeName = "Test course",
            AmountUsd = amountUsd,
            AwardedOn = new DateOnly(year, 3, 1),
        };

    public static Organisation NewOrganisation(string nameEn, string? nameEs = null, Action<Organisation>? change = null)
    {
        var organisation = new Organisation
        {
            Slug = $"org-{Guid.NewGuid():N}",
            NameEn = nameEn,
            NameEs = nameEs,
            Type = OrganisationType.InternationalOrganisation,
        };
        change?.Invoke(organisation);
        return organisation;
    }

    /// <summary>A programme with phases "I–II" (2014–2016) and "III" (2017–2018) and no port systems yet.</summary>
    public static Programme NewProgramme(string nameEn, string? nameEs, out ProgrammePhase first, out ProgrammePhase third)
    {
        var programme = new Programme { Slug = $"prog-{Guid.NewGuid():N}", NameEn = nameEn, NameEs = nameEs };
        first = new ProgrammePhase { Sequence = 1, Label = "I–II", StartYear = 2014, EndYear = 2016 };
        third = new ProgrammePhase { Sequence = 2, Label = "III", StartYear = 2017, EndYear = 2018 };
        programme.Phases.Add(first);
        programme.Phases.Add(third);
        return programme;
    }

    public static PortSystem Join(this Programme programme, ProgrammePhase phase, string name, Country country, string? unLocode = null)
    {
        var port = new PortSystem { Slug = $"port-{Guid.NewGuid():N}", Name = name, CountryId = country.Id, UnLocode = unLocode };
        programme.Memberships.Add(new ProgrammeMembership { PortSystem = port, Phase = phase });
        return port;
    }

    /// <summary>The SQL commands one GET sends (warm up EF and the views on another URL first).</summary>
    public static async Task<int> CountSqlAsync(this WebFactory factory, HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        factory.SqlCommands.Reset();
        using var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(expected, url);
        return factory.SqlCommands.Count;
    }
}
