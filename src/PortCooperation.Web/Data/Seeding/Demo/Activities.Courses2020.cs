using PortCooperation.Web.Domain;
using static PortCooperation.Web.Data.Seeding.Demo.Organisations;

namespace PortCooperation.Web.Data.Seeding.Demo;

/// <summary>
/// Report section 6: the four online courses, with the participants and countries listed for each one.
/// The per-course figures add up to 132 participants from 23 member states; the report's headline says 151 officials
/// from 24 member states without saying where the other 19 (and the 24th state) come from, so the seed keeps what the
/// report lists course by course and the headline is not stored anywhere.
/// </summary>
internal static partial class Activities
{
    private static IEnumerable<Activity> Courses2020(SeedContext s) =>
    [
        Course("course-new-challenges-strategies-ports-logistics-2020", new(2020, 4, 20), new(2020, 5, 15), "es", 30,
            "New Challenges and Strategies in Ports and their Logistics",
            "Nuevos retos y estrategias en los puertos y su logística",
            "Online course with the National Port Authority of Peru (APN) on the challenges ports and their logistics chains face and the strategies to meet them.",
            "Curso en línea con la Autoridad Portuaria Nacional del Perú (APN) sobre los retos que enfrentan los puertos y sus cadenas logísticas y las estrategias para afrontarlos.")
            .With(s, Apn).From(s, "AR", "BO", "BR", "CO", "CR", "EC", "SV", "GT", "PE"),

        Course("course-digital-transformation-ports-foreign-trade-2020", new(2020, 5, 11), new(2020, 6, 5), "es", 36,
            "Digital Transformation in Ports and Foreign Trade",
            "Transformación digital en los puertos y el comercio exterior",
            "Online course with the National Port Authority of Peru (APN) on digital tools for ports and foreign trade.",
            "Curso en línea con la Autoridad Portuaria Nacional del Perú (APN) sobre herramientas digitales para los puertos y el comercio exterior.")
            .With(s, Apn).From(s, "AR", "BO", "CL", "CO", "CR", "EC", "SV", "GT", "NI", "PA", "PE"),

        Course("course-international-agreements-maritime-transport-2020", new(2020, 6, 8), new(2020, 7, 3), "es", 38,
            "International Agreements on Maritime Transport linked to Ports",
            "Convenios internacionales sobre transporte marítimo vinculados a los puertos",
            "Online course with the National Port Authority of Peru (APN) on the international maritime conventions that bind port administrations.",
            "Curso en línea con la Autoridad Portuaria Nacional del Perú (APN) sobre los convenios marítimos internacionales que obligan a las administraciones portuarias.")
            .With(s, Apn).From(s, "AR", "BO", "CL", "CO", "CR", "EC", "SV", "GT", "MX", "PA", "PE", "DO"),

        // "for the English-speaking Caribbean": 11 member states, plus Montserrat and the British Virgin Islands through
        // PMAC. The report writes "San Vincent and the Grenadines"; that is Saint Vincent and the Grenadines (VC).
        Course("course-port-security-continuity-crises-2020", new(2020, 6, 22), new(2020, 7, 17), "en", 28,
            "Port Security Continuity: Sustaining Operations During Crises",
            "Continuidad de la protección portuaria: cómo mantener las operaciones en tiempos de crisis",
            "Online course with the United States Coast Guard for the English-speaking Caribbean on keeping port security and operations running during a crisis.",
            "Curso en línea con la Guardia Costera de los Estados Unidos para el Caribe de habla inglesa sobre cómo mantener la protección y las operaciones portuarias durante una crisis.")
            .With(s, Uscg).With(s, Pmac, PartnerRole.Partner)
            .From(s, "AG", "BB", "BZ", "DM", "JM", "PA", "PE", "KN", "VC", "LC", "SR", "MS", "VG"),
    ];

    private static Activity Course(
        string slug, DateOnly first, DateOnly last, string language, int participants,
        string titleEn, string titleEs, string summaryEn, string summaryEs) =>
        new Activity
        {
            Slug = slug,
            Kind = ActivityKind.Course,
            TitleEn = titleEn,
            TitleEs = titleEs,
            SummaryEn = summaryEn,
            SummaryEs = summaryEs,
            Language = language,
            IsOnline = true,
            Status = ActivityStatus.Held,
            ReportedParticipants = participants,
        }.Days(SeedTime.Secretariat, first, last).Published(SeedTime.Utc(SeedTime.Secretariat, first.Year, first.Month, first.Day).AddDays(-21));
}
