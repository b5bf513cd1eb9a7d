using PortCooperation.Web.Domain;
using static PortCooperation.Web.Data.Seeding.Demo.Organisations;

namespace PortCooperation.Web.Data.Seeding.Demo;

/// <summary>Report sections 2 and 3: the two events cancelled and the meeting postponed because of the pandemic.</summary>
internal static partial class Activities
{
    private static readonly DateTime _announced2020 = new(2020, 1, 15, 15, 0, 0, DateTimeKind.Utc);

    private const string MonthOnlyEn = "The report gives only the month; the days shown are demo scheduling.";
    private const string MonthOnlyEs = "El informe solo indica el mes; los días que se muestran son una programación de demostración.";

    private static IEnumerable<Activity> Events2020(SeedContext s) =>
    [
        new Activity
        {
            Slug = "v-hemispheric-conference-sustainable-management-2020",
            Kind = ActivityKind.Conference,
            TitleEn = "V Hemispheric Conference on Sustainable Management and Environmental Protection",
            TitleEs = "V Conferencia Hemisférica sobre Gestión Sostenible y Protección Ambiental",
            SummaryEn = "Planned for May 2020 in Veracruz, Mexico, with the General Coordination of Ports and Merchant Marine of SCT Mexico; cancelled because of the COVID-19 pandemic.",
            SummaryEs = "Prevista para mayo de 2020 en Veracruz, México, con la Coordinación General de Puertos y Marina Mercante de la SCT de México; cancelada a causa de la pandemia de COVID-19.",
            DescriptionEn = MonthOnlyEn,
            DescriptionEs = MonthOnlyEs,
            Language = "es",
            City = "Veracruz",
            HostCountry = s.Country("MX"),
        }.Days(SeedTime.MexicoCity, new(2020, 5, 20), new(2020, 5, 22)).CancelledForCovid().With(s, Sct).Published(_announced2020),

        new Activity
        {
            Slug = "iv-seminar-social-responsibility-gender-equity-2020",
            Kind = ActivityKind.Seminar,
            TitleEn = "IV Seminar on Social Responsibility, Gender Equity and Empowerment of Women",
            TitleEs = "IV Seminario sobre Responsabilidad Social, Equidad de Género y Empoderamiento de la Mujer",
            SummaryEn = "Planned for June 2020 in Lima, Peru, with the National Port Authority of Peru (APN); cancelled because of the COVID-19 pandemic.",
            SummaryEs = "Previsto para junio de 2020 en Lima, Perú, con la Autoridad Portuaria Nacional del Perú (APN); cancelado a causa de la pandemia de COVID-19.",
            DescriptionEn = MonthOnlyEn,
            DescriptionEs = MonthOnlyEs,
            Language = "es",
            City = "Lima",
            HostCountry = s.Country("PE"),
        }.Days(SeedTime.Lima, new(2020, 6, 17), new(2020, 6, 18)).CancelledForCovid().With(s, Apn).Published(_announced2020),

        new Activity
        {
            Slug = "xii-regular-meeting-cip-xxi-cecip-2021",
            Kind = ActivityKind.Meeting,
            TitleEn = "XII Regular Meeting of the CIP, XXI Meeting of the Executive Committee (CECIP) and Inter-American Forum on Best Practices",
            TitleEs = "XII Reunión Ordinaria de la CIP, XXI Reunión del Comité Ejecutivo (CECIP) y Foro Interamericano de Buenas Prácticas",
            SummaryEn = "Originally planned for August 2020; postponed because of the COVID-19 pandemic to 19–21 May 2021.",
            SummaryEs = "Prevista originalmente para agosto de 2020; aplazada a causa de la pandemia de COVID-19 al 19–21 de mayo de 2021.",
            DescriptionEn = "The report gives the original date as August 2020 only; the original days shown are demo scheduling. The venue is not given.",
            DescriptionEs = "El informe solo indica agosto de 2020 como fecha original; los días originales que se muestran son una programación de demostración. No se indica la sede.",
            Language = "en",
        }.Days(SeedTime.Secretariat, new(2021, 5, 19), new(2021, 5, 21))
            .PostponedForCovidFrom(new(2020, 8, 26), new(2020, 8, 28)).Published(_announced2020),
    ];

    /// <summary>Keeps the first planned dates (in the activity's zone) beside the new ones.</summary>
    private static Activity PostponedForCovidFrom(this Activity activity, DateOnly originalFirst, DateOnly originalLast)
    {
        (activity.OriginalStartsAtUtc, activity.OriginalEndsAtUtc) = SeedTime.Days(activity.TimeZoneId, originalFirst, originalLast);
        activity.Status = ActivityStatus.Postponed;
        activity.StatusReasonEn = "COVID-19 pandemic";
        activity.StatusReasonEs = "Pandemia de COVID-19";
        return activity;
    }
}
