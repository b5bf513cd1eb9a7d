using PortCooperation.Web.Domain;
using static PortCooperation.Web.Data.Seeding.Demo.Organisations;

namespace PortCooperation.Web.Data.Seeding.Demo;

/// <summary>
/// Report section 5: the six webinars held from April 30 to June 30, 2020. The report gives dates without times, so
/// they are all-day records. Participants and member states are copied exactly; where the report omits a figure it
/// stays null rather than being guessed. (The listed figures add up to 1,340 participants; the report's headline says
/// 1,355; the 15 missing are presumably the Maersk webinar's, whose head count the report leaves out.)
/// </summary>
internal static partial class Activities
{
    private static IEnumerable<Activity> Webinars2020(SeedContext s) =>
    [
        Webinar("webinar-avoid-covid-19-contact-port-facilities-2020", new(2020, 5, 6), "es", 260, 17,
            "How to Avoid Contact of COVID-19 in Port Facilities",
            "Cómo evitar el contagio de COVID-19 en las instalaciones portuarias",
            "Webinar with the Mexico International Network on Port Infrastructure Security (Red PBIP) on preventing COVID-19 contagion among port workers and ship crews.",
            "Webinar con la Red Internacional de Seguridad en Infraestructura Portuaria de México (Red PBIP) sobre cómo prevenir el contagio de COVID-19 entre trabajadores portuarios y tripulaciones.")
            .With(s, RedPbip),

        Webinar("webinar-smart-ports-new-technologies-2020", new(2020, 5, 19), "es", 400, 15,
            "Smart Ports and New Technologies",
            "Puertos inteligentes y nuevas tecnologías",
            "Webinar with the Valenciaport Foundation on how new technologies make ports smarter and more efficient.",
            "Webinar con la Fundación Valenciaport sobre cómo las nuevas tecnologías hacen los puertos más inteligentes y eficientes.")
            .With(s, Valenciaport),

        Webinar("webinar-impact-of-ports-economic-environment-2020", new(2020, 6, 2), "es", 265, 16,
            "Impact of Ports on their Economic Environment",
            "Impacto de los puertos en su entorno económico",
            "Webinar with the Valenciaport Foundation on the economic impact of ports on their cities and hinterland.",
            "Webinar con la Fundación Valenciaport sobre el impacto económico de los puertos en sus ciudades y su hinterland.")
            .With(s, Valenciaport),

        Webinar("webinar-new-port-reality-resilience-cybersecurity-2020", new(2020, 6, 9), "es", 270, 13,
            "A New Port Reality: Resilience, Cybersecurity and Other Risk Factors",
            "Una nueva realidad portuaria: resiliencia, ciberseguridad y otros factores de riesgo",
            "Webinar with ECLAC and the Red PBIP Mexico on resilience, cybersecurity and other risks ports face after the pandemic.",
            "Webinar con la CEPAL y la Red PBIP México sobre la resiliencia, la ciberseguridad y otros riesgos que enfrentan los puertos tras la pandemia.")
            .With(s, Eclac).With(s, RedPbip),

        // The report gives 145 participants and no member-state count.
        Webinar("webinar-multimodality-competitiveness-trade-facilitation-2020", new(2020, 6, 16), "es", 145, null,
            "Multimodality and Competitiveness Foundation for Trade Facilitation",
            "La multimodalidad y la competitividad como base para la facilitación del comercio",
            "Webinar with the Valenciaport Foundation on multimodal transport and competitiveness as the basis of trade facilitation.",
            "Webinar con la Fundación Valenciaport sobre el transporte multimodal y la competitividad como base de la facilitación del comercio.")
            .With(s, Valenciaport),

        // The report gives 12 member states and no participant count.
        Webinar("webinar-port-resiliency-severe-weather-2020", new(2020, 6, 30), "en", null, 12,
            "Port Resiliency: Severe Weather Planning and Trade Lane Management",
            "Resiliencia portuaria: planificación ante fenómenos meteorológicos extremos y gestión de rutas comerciales",
            "Webinar with Maersk on planning for hurricanes and severe weather and on keeping trade lanes running.",
            "Webinar con Maersk sobre la planificación ante huracanes y fenómenos meteorológicos extremos y sobre cómo mantener operativas las rutas comerciales.")
            .With(s, Maersk),
    ];

    private static Activity Webinar(
        string slug, DateOnly day, string language, int? participants, int? memberStates,
        string titleEn, string titleEs, string summaryEn, string summaryEs) =>
        new Activity
        {
            Slug = slug,
            Kind = ActivityKind.Webinar,
            TitleEn = titleEn,
            TitleEs = titleEs,
            SummaryEn = summaryEn,
            SummaryEs = summaryEs,
            Language = language,
            IsOnline = true,
            Status = ActivityStatus.Held,
            ReportedParticipants = participants,
            ReportedMemberStates = memberStates,
        }.Days(SeedTime.Secretariat, day, day).Published(SeedTime.Utc(SeedTime.Secretariat, day.Year, day.Month, day.Day).AddDays(-14));
}
