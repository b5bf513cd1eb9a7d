using PortCooperation.Web.Domain;
using static PortCooperation.Web.Data.Seeding.Demo.Organisations;

namespace PortCooperation.Web.Data.Seeding.Demo;

/// <summary>Report section 7: the chief of the secretariat speaking at other organisations' virtual events.</summary>
internal static class SpeakingEngagements
{
    private const string Speaker = "Chief of the CIP Secretariat";

    public static Task SeedAsync(SeedContext seed, CancellationToken cancellationToken) =>
        seed.Db.EnsureAsync(All(seed), e => e.TitleEn, SeedMode.AddMissing, cancellationToken);

    private static IEnumerable<SpeakingEngagement> All(SeedContext s)
    {
        // "350 participants from 19 countries in the region plus Spain, France, Netherlands and Switzerland": the
        // 19 regional countries are not named, so only the four named ones are rows and the count holds all 23.
        var portsAndCovid = New(s, DuarteMorales, new(2020, 5, 12),
            "Webinar Ports and Covid-19", "Webinar Puertos y COVID-19");
        portsAndCovid.AudienceSize = 350;
        portsAndCovid.AudienceCountryCount = 19 + 4;
        portsAndCovid.NotesEn = "350 participants from 19 countries of the region plus Spain, France, the Netherlands and Switzerland.";
        portsAndCovid.NotesEs = "350 participantes de 19 países de la región, además de España, Francia, los Países Bajos y Suiza.";
        foreach (var code in new[] { "ES", "FR", "NL", "CH" })
        {
            portsAndCovid.Countries.Add(new SpeakingEngagementCountry { Country = s.Country(code) });
        }

        return
        [
            portsAndCovid,
            New(s, RedPbip, new(2020, 6, 5),
                "Change of Crews in Ports During the Covid-19 Pandemic",
                "Cambio de tripulaciones en los puertos durante la pandemia de COVID-19"),
            New(s, Cocatram, new(2020, 6, 24),
                "Extraordinary Meeting of the Port Network of the Central American Isthmus (REPICA)",
                "Reunión extraordinaria de la Red de Puertos del Istmo Centroamericano (REPICA)"),

            // The report was written before this one took place ("which will take place on June 25").
            New(s, RedPbip, new(2020, 6, 25),
                "Safety in Container Ship Loading: Declaration of Verified Gross Mass (VGM)",
                "Seguridad en la carga de buques portacontenedores: declaración de la masa bruta verificada (VGM)"),
        ];
    }

    private static SpeakingEngagement New(SeedContext s, string organiserSlug, DateOnly date, string titleEn, string titleEs) =>
        new()
        {
            TitleEn = titleEn,
            TitleEs = titleEs,
            Organiser = s.Organisation(organiserSlug),
            Date = date,
            Speaker = Speaker,
            IsOnline = true,
            IsDemo = true,
        };
}
