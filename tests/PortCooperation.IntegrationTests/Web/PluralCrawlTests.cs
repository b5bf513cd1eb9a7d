using System.Net;
using System.Text.RegularExpressions;
using PortCooperation.IntegrationTests.Admin;
using PortCooperation.IntegrationTests.Security;
using PortCooperation.Web.Domain;
using static PortCooperation.IntegrationTests.Web.WebTestData;

namespace PortCooperation.IntegrationTests.Web;

/// <summary>
/// Every page a staff member can open, public pages included, read in both languages on an empty portal (counts of 0)
/// and on the seeded demo portal (counts of 1, 2 and many): no count is followed by the wrong number of its noun
/// ("1 records", "3 registration", "1 resultados", "2 país").
/// </summary>
public sealed partial class PluralCrawlTests
{
    [Theory]
    [InlineData(false, "en")]
    [InlineData(false, "es")]
    [InlineData(true, "en")]
    [InlineData(true, "es")]
    public async Task NoPage_WritesACountWithTheWrongPlural(bool demoData, string culture)
    {
        using var factory = new WebFactory(settings: new Dictionary<string, string?> { ["Database:SeedDemoData"] = demoData ? "true" : "false" });
        var client = await factory.SignedInStaffAsync("plurals@example.org", Roles.Administrator);
        using (await client.GetAsync($"/language/{culture}")) { }
        var (one, many) = culture == "es" ? (SpanishOnePlural(), SpanishManySingular()) : (EnglishOnePlural(), EnglishManySingular());
        var wrong = new List<string>();
        var read = 0;

        foreach (var request in EndpointCatalogue.Requests(factory.Services).Where(r => r.Method == "GET"))
        {
            using var response = await client.GetAsync(request.Path);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            read++;
            var text = Squash((await ParseAsync(response)).Body?.TextContent ?? "");
            wrong.AddRange(one.Matches(text).Concat(many.Matches(text)).Select(m => $"{request.Path}: “{m.Value}”"));
        }

        read.ShouldBeGreaterThan(30, "too few pages were read to mean anything");
        wrong.Distinct().ToList().ShouldBeEmpty(string.Join(Environment.NewLine, wrong.Distinct()));
    }

    // A count is a number not glued to a word or a hyphen (COVID-19, T3) and not a year; 1,340 is a count.
    private const string Count = @"(?<![\w\-.,/:])(?:0|[2-9]|[1-9]\d{1,2}|\d{1,3}(?:,\d{3})+)";

    [GeneratedRegex(@"(?<![\w\-.,/:])1 (?:records|registrations|results|problems|activities|participants|countries|documents|rows|mails|messages|awards|webinars|courses|places|attendees|files|errors|warnings|scholarships|organisations|partners|topics|collections|accounts|events|entries|visits|visitors|member states|recipients|people|days)\b")]
    private static partial Regex EnglishOnePlural();

    [GeneratedRegex(Count + @" (?:record|registration|result|problem|activity|participant|country|document|row|mail|message|award|webinar|course|place|attendee|file|error|warning|scholarship|organisation|partner|topic|collection|account|event|entry|visit|visitor|member state|recipient|day)\b(?! of\b)")]
    private static partial Regex EnglishManySingular();

    [GeneratedRegex(@"(?<![\w\-.,/:])1 (?:registros|inscripciones|resultados|problemas|actividades|participantes|países|documentos|filas|correos|mensajes|becas|webinarios|seminarios web|cursos|plazas|asistentes|archivos|errores|avisos|organizaciones|temas|colecciones|cuentas|eventos|visitas|visitantes|estados miembros|destinatarios|personas|días)\b")]
    private static partial Regex SpanishOnePlural();

    [GeneratedRegex(Count + @" (?:registro|inscripción|resultado|problema|actividad|participante|país|documento|fila|correo|mensaje|beca|webinario|curso|plaza|asistente|archivo|error|aviso|organización|tema|colección|cuenta|evento|visita|visitante|estado miembro|destinatario|persona|día)\b")]
    private static partial Regex SpanishManySingular();
}
