using PortCooperation.Web.Domain;
using static PortCooperation.Web.Data.Seeding.Demo.Organisations;

namespace PortCooperation.Web.Data.Seeding.Demo;

/// <summary>
/// Report section 8: what the secretariat planned for July and August 2020 at the time of the report. They stay
/// Planned, as the report states them; the webinars had no dates yet, so theirs are chosen and say so.
/// </summary>
internal static partial class Activities
{
    private static readonly DateTime _reportDate = new(2020, 6, 30, 16, 0, 0, DateTimeKind.Utc);

    private const string DemoDateEn = "Demo scheduling: the report announces this webinar for July–August 2020 without a date; the date and time shown are illustrative.";
    private const string DemoDateEs = "Programación de demostración: el informe anuncia este webinar para julio–agosto de 2020 sin fecha; la fecha y la hora que se muestran son ilustrativas.";

    private static IEnumerable<Activity> Planned2020(SeedContext s) =>
    [
        PlannedWebinar("webinar-dredging-issues-contracts-2020", new(2020, 7, 14), "es",
            "Dredging: Issues and Contracts", "Dragado: problemática y contratos",
            "Webinar with PIEDROBA Consulting on dredging issues and dredging contracts.",
            "Webinar con PIEDROBA Consulting sobre la problemática del dragado y los contratos de dragado.")
            .With(s, Piedroba),

        PlannedWebinar("webinar-economic-impact-ports-2020", new(2020, 7, 28), "es",
            "Economic Impact on Ports", "Impacto económico en los puertos",
            "Webinar with ECLAC on the economic impact of the current crisis on ports.",
            "Webinar con la CEPAL sobre el impacto económico de la crisis actual en los puertos.")
            .With(s, Eclac),

        PlannedWebinar("webinar-port-security-red-pbip-2020", new(2020, 8, 11), "es",
            "Port Security", "Protección portuaria",
            "Webinar with the Red PBIP Mexico on port security.",
            "Webinar con la Red PBIP México sobre protección portuaria.")
            .With(s, RedPbip),

        PlannedWebinar("webinar-digital-port-community-2020", new(2020, 8, 25), "en",
            "Digital Port Community", "Comunidad portuaria digital",
            "Webinar with the Mission of France on digital port communities.",
            "Webinar con la Misión de Francia sobre las comunidades portuarias digitales.")
            .With(s, MissionOfFrance),

        PlannedCourse("course-logistics-management-port-operations-2020", new(2020, 6, 29), new(2020, 7, 24),
            "Logistics Management and Application to Port Operations", "Gestión logística y su aplicación a las operaciones portuarias",
            "Online course with the National Port Authority of Peru (APN) on logistics management applied to port operations.",
            "Curso en línea con la Autoridad Portuaria Nacional del Perú (APN) sobre la gestión logística aplicada a las operaciones portuarias.")
            .With(s, Apn),

        PlannedCourse("course-strategic-port-indicators-2020", new(2020, 8, 3), new(2020, 8, 28),
            "Strategic Port Indicators", "Indicadores portuarios estratégicos",
            "Online course with the National Port Authority of Peru (APN) on the indicators that steer a port's strategy.",
            "Curso en línea con la Autoridad Portuaria Nacional del Perú (APN) sobre los indicadores que orientan la estrategia de un puerto.")
            .With(s, Apn),

        // "Starting the second week of July with a duration of 5 months": Monday 6 July (the week of 1 July is the first)
        // to Friday 4 December 2020.
        new Activity
        {
            Slug = "diploma-planning-management-governance-port-cities-2020",
            Kind = ActivityKind.Diploma,
            TitleEn = "Diploma in Planning, Management and Governance of Port Cities",
            TitleEs = "Diplomado en Planificación, Gestión y Gobernanza de Ciudades Puerto",
            SummaryEn = "Five-month diploma with the University of Santiago, Chile (USACH) on planning, managing and governing port cities.",
            SummaryEs = "Diplomado de cinco meses con la Universidad de Santiago de Chile (USACH) sobre la planificación, la gestión y la gobernanza de las ciudades puerto.",
            DescriptionEn = "The report says it starts in the second week of July 2020 and lasts five months; the exact days are demo scheduling.",
            DescriptionEs = "El informe indica que comienza la segunda semana de julio de 2020 y dura cinco meses; los días exactos son una programación de demostración.",
            Language = "es",
            IsOnline = true,
            HostCountry = s.Country("CL"),
        }.Days(SeedTime.Santiago, new(2020, 7, 6), new(2020, 12, 4)).With(s, Usach).Published(_reportDate),
    ];

    private static Activity PlannedWebinar(
        string slug, DateOnly day, string language, string titleEn, string titleEs, string summaryEn, string summaryEs) =>
        new Activity
        {
            Slug = slug,
            Kind = ActivityKind.Webinar,
            TitleEn = titleEn,
            TitleEs = titleEs,
            SummaryEn = summaryEn,
            SummaryEs = summaryEs,
            DescriptionEn = DemoDateEn,
            DescriptionEs = DemoDateEs,
            Language = language,
            IsOnline = true,
        }.At(SeedTime.Secretariat, day, 11, 90).Published(_reportDate);

    private static Activity PlannedCourse(
        string slug, DateOnly first, DateOnly last, string titleEn, string titleEs, string summaryEn, string summaryEs) =>
        new Activity
        {
            Slug = slug,
            Kind = ActivityKind.Course,
            TitleEn = titleEn,
            TitleEs = titleEs,
            SummaryEn = summaryEn,
            SummaryEs = summaryEs,
            Language = "es",
            IsOnline = true,
        }.Days(SeedTime.Secretariat, first, last).Published(_reportDate);
}
