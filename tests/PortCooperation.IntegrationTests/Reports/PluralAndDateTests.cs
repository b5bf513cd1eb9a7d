using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using PortCooperation.IntegrationTests.Security;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Resources;
using static PortCooperation.IntegrationTests.Web.WebTestData;

namespace PortCooperation.IntegrationTests.Reports;

/// <summary>
/// Every count is written with the right plural in both languages (0, 1 and 2 of each), dates and periods follow each
/// language's rules, and the public activity page names what it counts. The checks that only read texts and an empty
/// calendar share one app; the others arrange their own rows in their own.
/// </summary>
public sealed class PluralAndDateTests(SharedWebFactory shared) : IClassFixture<SharedWebFactory>
{
    private static readonly (int Count, string En, string Es)[] Results = [(0, "0 results", "0 resultados"), (1, "1 result", "1 resultado"), (2, "2 results", "2 resultados")];

    private static DateTime Utc(int year, int month, int day) => new(year, month, day, 15, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Staff_list_counts_and_search_results_use_the_singular_for_one_in_both_languages()
    {
        foreach (var (count, en, es) in Results)
        {
            using var factory = new WebFactory();
            await factory.WithDbAsync(async db =>
            {
                var peru = await CountryAsync(db, "PE", "Peru", "Perú");
                for (var i = 0; i < count; i++)
                {
                    db.ScholarshipAwards.Add(new ScholarshipAward { RecipientName = $"Scholar {i}", Country = peru, ProgrammeName = "Ports", AmountUsd = 10m, AwardedOn = new DateOnly(2031, 1, 1) });
                    db.Activities.Add(NewActivity($"Findable webinar {i}", Utc(2031, 1, 1 + i)));
                }

                await db.SaveChangesAsync();
            });
            var staff = await factory.StaffClientAsync();

            foreach (var (url, culture, expected) in new[]
            {
                ("/Admin/ScholarshipAwards", "en", en), ("/Admin/ScholarshipAwards", "es", es),
                ("/Admin/Activities?q=findable", "en", en), ("/Admin/Activities?q=findable", "es", es),
            })
            {
                var page = await staff.GetDocumentAsync($"{url}{(url.Contains('?', StringComparison.Ordinal) ? '&' : '?')}culture={culture}");
                Squash(page.QuerySelector("[data-total]")!.TextContent).ShouldBe(expected, $"{url} {culture}");
            }
        }
    }

    [Fact]
    public async Task Import_problems_use_the_singular_for_one_in_both_languages()
    {
        using var factory = new WebFactory();
        await factory.WithDbAsync(db => CountryAsync(db, "PE", "Peru", "Perú"));
        var staff = await factory.StaffClientAsync();
        const string header = "RecipientName,Gender,Country,Course,ProgrammeName,AmountUsd,AwardedOn\r\n";
        const string good = "Ana Torres,Female,PE,,Port management,1500.50,2024-05-31\r\n";
        const string bad = "Bruno Díaz,,XX,,Port management,900,2024-06-01\r\n";
        foreach (var (rows, _, en, es) in new[]
        {
            (good + bad, 1, "1 problem found.", "Se encontró 1 problema."),
            (bad + bad, 2, "2 problems found.", "Se encontraron 2 problemas."),
        })
        {
            foreach (var (culture, expected) in new[] { ("en", en), ("es", es) })
            {
                using var response = await UploadAsync(staff, header + rows, culture);
                var page = await ParseAsync(response);
                Squash(page.QuerySelector("#import-invalid")!.TextContent).ShouldStartWith(expected);
                Squash(page.QuerySelector("#import-rows")!.TextContent).ShouldBe(culture == "en" ? "2 rows read." : "2 filas leídas.");
            }
        }

        using var one = await UploadAsync(staff, header + good, "en");
        Squash((await ParseAsync(one)).QuerySelector("#import-rows")!.TextContent).ShouldBe("1 row read.");
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string csv, string culture)
    {
        var page = await client.GetDocumentAsync($"/Admin/Imports?kind=awards&culture={culture}");
        var token = page.QuerySelector("#import-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("awards"), "kind" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "import.csv" },
        };
        return await client.PostAsync($"/Admin/Imports/Preview?culture={culture}", content);
    }

    [Fact]
    public async Task Report_figures_and_records_use_the_singular_for_one_in_both_languages()
    {
        using var factory = new WebFactory();
        await factory.WithDbAsync(async db =>
        {
            var peru = await CountryAsync(db, "PE", "Peru", "Perú");
            var chile = await CountryAsync(db, "CL", "Chile", "Chile");
            var one = NewActivity("One of each", Utc(2031, 5, 5), a => a.ReportedParticipants = 1);
            one.ParticipatingCountries.Add(new ActivityCountry { Country = peru, Participants = 1 });
            var two = NewActivity("Two of each", Utc(2031, 5, 6), a => a.ReportedParticipants = 2);
            two.ParticipatingCountries.Add(new ActivityCountry { Country = peru, Participants = 1 });
            two.ParticipatingCountries.Add(new ActivityCountry { Country = chile, Participants = 1 });
            db.Activities.AddRange(one, two);
            await db.SaveChangesAsync();
        });
        var staff = await factory.StaffClientAsync();
        const string q2 = "/Admin/Reports?period=quarter&periodYear=2031&periodQuarter=2";

        foreach (var (culture, expected) in new[]
        {
            ("en", new[] { "1 participant · 1 member state", "2 participants · 2 member states" }),
            ("es", new[] { "1 participante · 1 Estado miembro", "2 participantes · 2 Estados miembros" }),
        })
        {
            var page = await staff.GetDocumentAsync($"{q2}&culture={culture}");
            string.Join(" | ", page.QuerySelectorAll("#webinars-list .report-item__figures").Select(p => Squash(p.TextContent))).ShouldBe(string.Join(" | ", expected), culture);
        }

        foreach (var (which, en, es) in new[] { ("courses", "0 records", "0 registros"), ("webinars", "2 records", "2 registros") })
        {
            foreach (var (culture, expected) in new[] { ("en", en), ("es", es) })
            {
                var records = await staff.GetDocumentAsync($"/Admin/Reports/Records?period=quarter&periodYear=2031&periodQuarter=2&set={which}&culture={culture}");
                Squash(records.QuerySelector("#records-total")!.TextContent).ShouldBe(expected);
            }
        }

        var single = await staff.GetDocumentAsync("/Admin/Reports/Records?period=custom&from=2031-05-05&to=2031-05-05&set=webinars&culture=es");
        Squash(single.QuerySelector("#records-total")!.TextContent).ShouldBe("1 registro");
    }

    [Fact]
    public async Task The_public_activity_count_uses_the_singular_for_one_in_both_languages()
    {
        foreach (var (count, en, es) in new[]
        {
            (0, "0 activities: 0 upcoming or in progress, 0 past.", "0 actividades: próximas o en curso, 0; pasadas, 0."),
            (1, "1 activity: 1 upcoming or in progress, 0 past.", "1 actividad: próximas o en curso, 1; pasadas, 0."),
            (2, "2 activities: 2 upcoming or in progress, 0 past.", "2 actividades: próximas o en curso, 2; pasadas, 0."),
        })
        {
            using var factory = new WebFactory();
            await factory.AddAsync([.. Enumerable.Range(0, count).Select(i => NewActivity($"Coming webinar {i}", WebFactory.DefaultNow.UtcDateTime.AddDays(10 + i)))]);
            var client = factory.CreateClient();
            foreach (var (culture, expected) in new[] { ("en", en), ("es", es) })
            {
                var page = await client.GetDocumentAsync($"/activities?culture={culture}");
                Squash(page.QuerySelector("#result-count")!.TextContent).ShouldBe(expected, $"{count} {culture}");
            }
        }
    }

    /// <summary>The counted texts of the registrations tab, its messages and the places pages, read from the app's own resources.</summary>
    [Theory]
    [InlineData("en", 0, "0 registrations for Forum|0 registrations approved; not pending and left as they were: 3.|0 registrations rejected; could not be rejected and left as they were: 3.|This message will go to 0 people.|0 mails queued; they are delivered in the next minutes.|This message had already been queued (0 mails); nothing was sent twice.|0 participants")]
    [InlineData("en", 1, "1 registration for Forum|1 registration approved; not pending and left as they were: 3.|1 registration rejected; could not be rejected and left as they were: 3.|This message will go to 1 person.|1 mail queued; it is delivered in the next minutes.|This message had already been queued (1 mail); nothing was sent twice.|1 participant")]
    [InlineData("en", 2, "2 registrations for Forum|2 registrations approved; not pending and left as they were: 3.|2 registrations rejected; could not be rejected and left as they were: 3.|This message will go to 2 people.|2 mails queued; they are delivered in the next minutes.|This message had already been queued (2 mails); nothing was sent twice.|2 participants")]
    [InlineData("es", 0, "0 inscripciones para Forum|0 inscripciones aprobadas; no estaban pendientes y no se modificaron: 3.|0 inscripciones rechazadas; no se podían rechazar y no se modificaron: 3.|Este mensaje se enviará a 0 personas.|0 correos en cola; se entregarán en los próximos minutos.|Este mensaje ya estaba en cola (0 correos); no se envió nada dos veces.|0 participantes")]
    [InlineData("es", 1, "1 inscripción para Forum|1 inscripción aprobada; no estaban pendientes y no se modificaron: 3.|1 inscripción rechazada; no se podían rechazar y no se modificaron: 3.|Este mensaje se enviará a 1 persona.|1 correo en cola; se entregará en los próximos minutos.|Este mensaje ya estaba en cola (1 correo); no se envió nada dos veces.|1 participante")]
    [InlineData("es", 2, "2 inscripciones para Forum|2 inscripciones aprobadas; no estaban pendientes y no se modificaron: 3.|2 inscripciones rechazadas; no se podían rechazar y no se modificaron: 3.|Este mensaje se enviará a 2 personas.|2 correos en cola; se entregarán en los próximos minutos.|Este mensaje ya estaba en cola (2 correos); no se envió nada dos veces.|2 participantes")]
    public void Registration_tab_and_places_counts_use_the_singular_for_one(string culture, int count, string expected)
    {
        var text = shared.Factory.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var (saved, savedUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            string.Join("|",
                text.Plural("RegStaff_ManageFor", count, "Forum"), text.Plural("RegStaff_Approved", count, 3), text.Plural("RegStaff_Rejected", count, 3),
                text.Plural("RegStaff_Message_Recipients", count), text.Plural("RegStaff_Message_Queued", count), text.Plural("RegStaff_Message_AlreadyQueued", count),
                text.Plural("Places_Participants", count)).ShouldBe(expected);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (saved, savedUi);
        }
    }

    [Fact]
    public async Task The_calendars_month_heading_is_lower_case_in_Spanish()
    {
        var client = shared.Factory.CreateClient();
        Squash((await client.GetDocumentAsync("/activities/calendar?year=2020&month=5&culture=es")).QuerySelector("#month-heading")!.TextContent).ShouldBe("mayo de 2020");
        Squash((await client.GetDocumentAsync("/activities/calendar?year=2020&month=5&culture=en")).QuerySelector("#month-heading")!.TextContent).ShouldBe("May 2020");
    }

    [Fact]
    public async Task Dates_months_and_periods_follow_each_languages_rules()
    {
        using var factory = new WebFactory();
        var staff = await factory.StaffClientAsync();

        var quarterEs = await staff.GetDocumentAsync("/Admin/Reports?period=quarter&periodYear=2020&periodQuarter=3&culture=es");
        var rangeEs = await staff.GetDocumentAsync("/Admin/Reports?period=custom&from=2020-07-01&to=2020-08-31&culture=es");
        var rangeEn = await staff.GetDocumentAsync("/Admin/Reports?period=custom&from=2020-07-01&to=2020-08-31");
        var january = await staff.GetDocumentAsync("/Admin/Reports?period=custom&from=2020-01-01&to=2020-01-15&culture=es");
        var januaryEn = await staff.GetDocumentAsync("/Admin/Reports?period=custom&from=2020-01-01&to=2020-01-15");

        Squash(quarterEs.QuerySelector(".report-letterhead__period")!.TextContent).ShouldBe("T3 2020 (julio–septiembre)");
        Squash(rangeEs.QuerySelector(".report-letterhead__period")!.TextContent).ShouldBe("julio–agosto de 2020");
        Squash(rangeEn.QuerySelector(".report-letterhead__period")!.TextContent).ShouldBe("July–August 2020");
        Squash(january.QuerySelector(".report-letterhead__period")!.TextContent).ShouldBe("1 de enero de 2020 – 15 de enero de 2020");
        Squash(januaryEn.QuerySelector(".report-letterhead__period")!.TextContent).ShouldBe("1 January 2020 – 15 January 2020");
        Squash(quarterEs.QuerySelectorAll(".report-letterhead__meta dd")[1].TextContent).ShouldBe("1 de julio de 2020 – 30 de septiembre de 2020");
    }

    [Fact]
    public async Task The_public_activity_page_counts_member_states_and_countries_separately()
    {
        using var factory = new WebFactory();
        var activity = NewActivity("Seminar with guests", Utc(2025, 5, 5), a => a.ReportedParticipants = 40);
        await factory.WithDbAsync(async db =>
        {
            var peru = await CountryAsync(db, "PE", "Peru", "Perú");
            var chile = await CountryAsync(db, "CL", "Chile", "Chile");
            var spain = await CountryAsync(db, "ES", "Spain", "España", isMember: false);
            foreach (var country in new[] { peru, chile, spain })
            {
                activity.ParticipatingCountries.Add(new ActivityCountry { Country = country });
            }

            db.Activities.Add(activity);
            await db.SaveChangesAsync();
        });

        var page = await factory.CreateClient().GetDocumentAsync($"/activities/{activity.Slug}");

        Squash(page.QuerySelector("#member-states-represented")!.TextContent).ShouldBe("Member states represented 2");
        Squash(page.QuerySelector("#countries-represented")!.TextContent).ShouldBe("Countries represented 3");
        var spanish = await factory.CreateClient().GetDocumentAsync($"/activities/{activity.Slug}?culture=es");
        Squash(spanish.QuerySelector("#member-states-represented")!.TextContent).ShouldBe("Estados miembros representados 2");
        Squash(spanish.QuerySelector("#countries-represented")!.TextContent).ShouldBe("Países representados 3");
    }
}
