using System.Net;
using System.Text.RegularExpressions;
using PortCooperation.IntegrationTests.Admin;
using PortCooperation.IntegrationTests.Security;
using PortCooperation.Web.Domain;
using static PortCooperation.IntegrationTests.Admin.RegistrationAdminKit;
using static PortCooperation.IntegrationTests.Web.WebTestData;

namespace PortCooperation.IntegrationTests.Web;

/// <summary>
/// Every page a staff member can open, public pages included, read in both languages on an empty portal (counts of 0),
/// on portals holding exactly one and exactly two of everything (every count 1, then 2) and on the seeded demo portal
/// (many): no count is followed by the wrong number of its noun ("1 records", "3 registration", "1 resultados",
/// "2 país").
/// </summary>
public sealed partial class PluralCrawlTests
{
    [Theory]
    [InlineData(1, "en")]
    [InlineData(1, "es")]
    [InlineData(2, "en")]
    [InlineData(2, "es")]
    public async Task NoPage_WritesACountWithTheWrongPlural_WithOneOrTwoOfEverything(int n, string culture)
    {
        using var factory = new WebFactory(settings: new Dictionary<string, string?> { ["Database:SeedDemoData"] = "false" });
        await AddOfEverythingAsync(factory, n);
        await CrawlAsync(factory, culture, followLinks: true);
    }

    [Theory]
    [InlineData(false, "en")]
    [InlineData(false, "es")]
    [InlineData(true, "en")]
    [InlineData(true, "es")]
    public async Task NoPage_WritesACountWithTheWrongPlural(bool demoData, string culture)
    {
        using var factory = new WebFactory(settings: new Dictionary<string, string?> { ["Database:SeedDemoData"] = demoData ? "true" : "false" });
        await CrawlAsync(factory, culture, followLinks: false);
    }

    /// <summary>
    /// Reads every GET page of the catalogue and, with <paramref name="followLinks"/>, every page those link to (the
    /// records' own pages: the catalogue only knows id 1 and the slug "sample").
    /// </summary>
    private static async Task CrawlAsync(WebFactory factory, string culture, bool followLinks)
    {
        var client = await factory.SignedInStaffAsync("plurals@example.org", Roles.Administrator);
        using (await client.GetAsync($"/language/{culture}")) { }
        var (one, many) = culture == "es" ? (SpanishOnePlural(), SpanishManySingular()) : (EnglishOnePlural(), EnglishManySingular());
        var wrong = new List<string>();
        var queue = new Queue<string>(EndpointCatalogue.Requests(factory.Services).Where(r => r.Method == "GET").Select(r => r.Path));
        var seen = new HashSet<string>(queue, StringComparer.OrdinalIgnoreCase);
        var read = 0;

        while (queue.TryDequeue(out var path))
        {
            using var response = await client.GetAsync(path);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            read++;
            var page = await ParseAsync(response);
            var text = Squash(page.Body?.TextContent ?? "");
            wrong.AddRange(one.Matches(text).Concat(many.Matches(text)).Select(m => $"{path}: “{m.Value}”"));
            if (!followLinks)
            {
                continue;
            }

            foreach (var href in page.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!.Split('#')[0]))
            {
                // Pages of this site only, never the language switch or sign-out (they change the session).
                if (href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal) && !href.StartsWith("/language", StringComparison.OrdinalIgnoreCase)
                    && !href.Contains("Logout", StringComparison.OrdinalIgnoreCase) && seen.Count < 600 && seen.Add(href))
                {
                    queue.Enqueue(href);
                }
            }
        }

        read.ShouldBeGreaterThan(30, "too few pages were read to mean anything");
        wrong.Distinct().ToList().ShouldBeEmpty(string.Join(Environment.NewLine, wrong.Distinct()));
    }

    /// <summary>
    /// Exactly <paramref name="n"/> of every kind of record, each holding <paramref name="n"/> of what it holds: member
    /// states and other countries, partners, topics; held webinars with registrants in every status, attendees,
    /// participation by country and partners; upcoming courses with registrants; documents with topics and an
    /// attachment; collections; scholarship awards; speaking engagements. The first of each has id 1 or slug "sample".
    /// </summary>
    private static async Task AddOfEverythingAsync(WebFactory factory, int n)
    {
        var now = WebFactory.DefaultNow.UtcDateTime;
        (string Code, string En, string Es)[] memberNames = [("PE", "Peru", "Perú"), ("CL", "Chile", "Chile")];
        (string Code, string En, string Es)[] otherNames = [("ES", "Spain", "España"), ("FR", "France", "Francia")];
        var members = new List<Country>();
        var others = new List<Country>();
        for (var i = 0; i < n; i++)
        {
            members.Add(await factory.WithDbAsync(db => CountryAsync(db, memberNames[i].Code, memberNames[i].En, memberNames[i].Es)));
            others.Add(await factory.WithDbAsync(db => CountryAsync(db, otherNames[i].Code, otherNames[i].En, otherNames[i].Es, isMember: false)));
        }

        var organisations = Enumerable.Range(0, n).Select(i => new Organisation
        {
            Slug = i == 0 ? "sample" : $"partner-{i}", NameEn = $"Partner institute {i + 1}", NameEs = $"Instituto socio {i + 1}",
            Type = OrganisationType.University, CountryId = members[i].Id,
        }).ToList();
        var topics = Enumerable.Range(0, n).Select(i => new Topic { Slug = i == 0 ? "sample" : $"topic-{i}", NameEn = $"Topic {i + 1}", NameEs = $"Tema {i + 1}" }).ToList();
        await factory.AddAsync([.. organisations, .. topics]);

        var webinars = Enumerable.Range(0, n).Select(i => NewActivity($"Held webinar {i + 1}", now.AddDays(-30 - i), a =>
        {
            a.Slug = i == 0 ? "sample" : $"held-webinar-{i}";
            a.RegistrationEnabled = true;
            foreach (var organisation in organisations)
            {
                a.Partners.Add(new ActivityPartner { OrganisationId = organisation.Id });
            }

            foreach (var country in members)
            {
                a.ParticipatingCountries.Add(new ActivityCountry { CountryId = country.Id, Participants = n });
            }
        })).ToList();
        var courses = Enumerable.Range(0, n).Select(i => NewActivity($"Upcoming course {i + 1}", now.AddDays(30 + i), a =>
        {
            a.Slug = $"upcoming-course-{i}";
            a.Kind = ActivityKind.Course;
            a.RegistrationEnabled = true;
            a.Capacity = 10;
        })).ToList();
        await factory.AddAsync([.. webinars, .. courses]);

        var registrations = new List<Registration>();
        var person = 0;
        Registration Person(Activity activity, RegistrationStatus status, bool? attended = null)
        {
            person++;
            return NewRegistration(activity.Id, $"Person {person}", $"person{person}@example.org", status, attended, members[person % n].Id);
        }

        foreach (var webinar in webinars)
        {
            for (var i = 0; i < n; i++)
            {
                registrations.AddRange([Person(webinar, RegistrationStatus.Confirmed, attended: true), Person(webinar, RegistrationStatus.Attendee, attended: true),
                    Person(webinar, RegistrationStatus.Cancelled), Person(webinar, RegistrationStatus.Confirmed, attended: false)]);
            }
        }

        foreach (var course in courses)
        {
            for (var i = 0; i < n; i++)
            {
                registrations.AddRange([Person(course, RegistrationStatus.Confirmed), Person(course, RegistrationStatus.Pending), Person(course, RegistrationStatus.Waitlisted)]);
            }
        }

        await factory.AddAsync([.. registrations]);

        var documents = Enumerable.Range(0, n).Select(i =>
        {
            var document = new BestPracticeDocument
            {
                Slug = i == 0 ? "sample" : $"document-{i}", TitleEn = $"Port practice {i + 1}", TitleEs = $"Práctica portuaria {i + 1}",
                SummaryEn = "A practice.", SummaryEs = "Una práctica.", SourceKind = SourceKind.NationalAuthority, SourceOrganisationId = organisations[i].Id,
                CountryId = members[i].Id, Language = "es", PublishedOn = DateOnly.FromDateTime(now).AddDays(-10 - i),
                PublicationState = PublicationState.Published, PublishedAtUtc = now.AddDays(-10 - i),
            };
            foreach (var topic in topics)
            {
                document.Topics.Add(new DocumentTopic { TopicId = topic.Id });
            }

            document.Attachments.Add(new Attachment
            {
                OriginalFileName = $"practice-{i + 1}.pdf", StoredFileName = $"{Guid.NewGuid():N}.pdf", ContentType = "application/pdf", SizeBytes = 2048,
                Sha256 = new string('0', 64),
            });
            return document;
        }).ToList();
        await factory.AddAsync([.. documents]);

        var collections = Enumerable.Range(0, n).Select(i =>
        {
            var collection = new DocumentCollection
            {
                Slug = i == 0 ? "sample" : $"set-{i}", TitleEn = $"Collection {i + 1}", TitleEs = $"Colección {i + 1}", PublicationState = PublicationState.Published,
            };
            foreach (var (document, order) in documents.Select((d, o) => (d, o)))
            {
                collection.Documents.Add(new CollectionDocument { DocumentId = document.Id, SortOrder = order });
            }

            return collection;
        }).ToList();
        var awards = Enumerable.Range(0, n).Select(i => new ScholarshipAward
        {
            RecipientName = $"Scholar {i + 1}", Gender = i == 0 ? Gender.Female : Gender.Male, CountryId = members[i].Id, ActivityId = courses[0].Id,
            AmountUsd = 1000, AwardedOn = DateOnly.FromDateTime(now).AddDays(-5 - i),
        }).ToList();
        var engagements = Enumerable.Range(0, n).Select(i =>
        {
            var engagement = new SpeakingEngagement
            {
                TitleEn = $"Talk {i + 1}", TitleEs = $"Charla {i + 1}", OrganiserId = organisations[i].Id, Date = DateOnly.FromDateTime(now).AddDays(-20 - i),
                AudienceSize = n, AudienceCountryCount = n,
            };
            foreach (var country in members)
            {
                engagement.Countries.Add(new SpeakingEngagementCountry { CountryId = country.Id });
            }

            return engagement;
        }).ToList();
        await factory.AddAsync([.. collections, .. awards, .. engagements]);
    }

    // A count is a number not glued to a word or a hyphen (COVID-19, T3) and not a year; 1,340 is a count.
    private const string Count = @"(?<![\w\-.,/:])(?:0|[2-9]|[1-9]\d{1,2}|\d{1,3}(?:,\d{3})+)";

    [GeneratedRegex(@"(?<![\w\-.,/:])1 (?:records|registrations|results|problems|activities|participants|countries|documents|rows|mails|messages|awards|webinars|courses|places|attendees|files|errors|warnings|scholarships|organisations|partners|topics|collections|accounts|events|entries|visits|visitors|member states|recipients|people|days)\b")]
    private static partial Regex EnglishOnePlural();

    [GeneratedRegex(Count + @" (?:record|registration|result|problem|activity|participant|country|document|row|mail|message|award|webinar|course|place|attendee|file|error|warning|scholarship|organisation|partner|topic|collection|account|event|entry|visit|visitor|member state|recipient|day)\b(?! of\b| awards?\b)")]
    private static partial Regex EnglishManySingular();

    [GeneratedRegex(@"(?<![\w\-.,/:])1 (?:registros|inscripciones|resultados|problemas|actividades|participantes|países|documentos|filas|correos|mensajes|becas|webinarios|seminarios web|cursos|plazas|asistentes|archivos|errores|avisos|organizaciones|temas|colecciones|cuentas|eventos|visitas|visitantes|estados miembros|destinatarios|personas|días)\b")]
    private static partial Regex SpanishOnePlural();

    [GeneratedRegex(Count + @" (?:registro|inscripción|resultado|problema|actividad|participante|país|documento|fila|correo|mensaje|beca|webinario|curso|plaza|asistente|archivo|error|aviso|organización|tema|colección|cuenta|evento|visita|visitante|estado miembro|destinatario|persona|día)\b")]
    private static partial Regex SpanishManySingular();
}
