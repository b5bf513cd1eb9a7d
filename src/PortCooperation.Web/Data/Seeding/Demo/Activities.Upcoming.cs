using PortCooperation.Web.Domain;
using static PortCooperation.Web.Data.Seeding.Demo.Organisations;

namespace PortCooperation.Web.Data.Seeding.Demo;

/// <summary>
/// Invented activities with fixed 2027 dates so the home page and registration have something upcoming to show.
/// The dates are constants, never computed from the clock, so a re-run seeds exactly the same rows.
/// </summary>
internal static partial class Activities
{
    private static readonly DateTime _announcedUpcoming = new(2026, 9, 1, 14, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime _registrationOpens = new(2026, 9, 1, 14, 0, 0, DateTimeKind.Utc);

    private const string InventedEn = "Demo activity with fixed 2027 dates so the portal has upcoming activities to show; it is not a real event.";
    private const string InventedEs = "Actividad de demostración con fechas fijas en 2027 para que el portal muestre actividades próximas; no es un evento real.";

    private static IEnumerable<Activity> Upcoming(SeedContext s) =>
    [
        new Activity
        {
            Slug = "demo-webinar-cybersecurity-port-community-systems-2027",
            Kind = ActivityKind.Webinar,
            TitleEn = "Cybersecurity for Port Community Systems",
            TitleEs = "Ciberseguridad para los sistemas de comunidad portuaria",
            SummaryEn = "How port community systems protect shared data and keep running under attack.",
            SummaryEs = "Cómo los sistemas de comunidad portuaria protegen los datos compartidos y siguen funcionando ante un ataque.",
            Language = "en",
            IsOnline = true,
            Capacity = 300,
            WaitingListEnabled = true,
        }.At(SeedTime.Secretariat, new(2027, 3, 10), 11, 90).Invented().With(s, RedPbip),

        new Activity
        {
            Slug = "demo-course-port-environmental-management-2027",
            Kind = ActivityKind.Course,
            TitleEn = "Port Environmental Management",
            TitleEs = "Gestión ambiental portuaria",
            SummaryEn = "Four-week online course on environmental management systems, air quality and waste in ports.",
            SummaryEs = "Curso en línea de cuatro semanas sobre sistemas de gestión ambiental, calidad del aire y residuos en los puertos.",
            Language = "es",
            IsOnline = true,
            Capacity = 40,
            WaitingListEnabled = true,
            RequiresApproval = true,
        }.Days(SeedTime.Lima, new(2027, 4, 12), new(2027, 5, 7)).Invented().With(s, Apn),

        new Activity
        {
            Slug = "demo-seminar-women-port-leadership-2027",
            Kind = ActivityKind.Seminar,
            TitleEn = "Hemispheric Seminar on Women in Port Leadership",
            TitleEs = "Seminario Hemisférico sobre Mujeres en el Liderazgo Portuario",
            SummaryEn = "Two days on gender equity, mentoring and leadership in port authorities and terminals.",
            SummaryEs = "Dos días sobre equidad de género, mentoría y liderazgo en autoridades portuarias y terminales.",
            Language = "es",
            City = "Panama City",
            Venue = "Centro de Convenciones de Amador",
            HostCountry = s.Country("PA"),
            Capacity = 120,
            WaitingListEnabled = true,
        }.Days(SeedTime.Panama, new(2027, 6, 15), new(2027, 6, 16)).Invented(),
    ];

    /// <summary>Planned, published, open for registration until the day before it starts.</summary>
    private static Activity Invented(this Activity activity)
    {
        activity.DescriptionEn = InventedEn;
        activity.DescriptionEs = InventedEs;
        activity.Status = ActivityStatus.Planned;
        activity.RegistrationEnabled = true;
        activity.RegistrationOpensAtUtc = _registrationOpens;
        activity.RegistrationClosesAtUtc = activity.StartsAtUtc.AddDays(-1);
        return activity.Published(_announcedUpcoming);
    }
}
