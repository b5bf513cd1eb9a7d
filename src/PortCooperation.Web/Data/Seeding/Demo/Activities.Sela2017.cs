using PortCooperation.Web.Domain;
using static PortCooperation.Web.Data.Seeding.Demo.Organisations;

namespace PortCooperation.Web.Data.Seeding.Demo;

/// <summary>Seed 004: SELA's II Meeting of Logistic Port Communities in Cartagena and the colloquium held the day before.</summary>
internal static partial class Activities
{
    private static readonly DateTime _announced2017 = new(2017, 6, 1, 14, 0, 0, DateTimeKind.Utc);

    private static IEnumerable<Activity> Sela2017(SeedContext s) =>
    [
        new Activity
        {
            Slug = "ii-meeting-logistic-port-communities-cartagena-2017",
            Kind = ActivityKind.Meeting,
            TitleEn = "II Meeting of Latin American and Caribbean Logistic Port Communities",
            TitleEs = "II Encuentro de Comunidades Logístico-Portuarias de América Latina y el Caribe",
            SummaryEn = "SELA meeting, with the cooperation of CAF – Development Bank of Latin America, to move towards the Network of Digital and Collaborative Ports: governance, integration of the port logistics chain, indicators, change management and community ICTs.",
            SummaryEs = "Encuentro del SELA, con la cooperación de CAF – Banco de Desarrollo de América Latina, para avanzar hacia la Red de Puertos Digitales y Colaborativos: gobernanza, integración de la cadena logístico-portuaria, indicadores, gestión del cambio y TIC comunitarias.",
            DescriptionEn = """
                Objectives:

                1. Presentations and round tables on strategy and governance, integration of processes in the port logistics chain, benchmarks and indicators, management of change and community ICTs.
                2. Learn the status of ICT solutions in world reference port systems, with lessons and recommendations for Latin America and the Caribbean.
                3. Present the transitional organisation and work plan of Phase III of the Digital and Collaborative Ports Network Programme, with a workshop on mission, vision and priorities.
                4. Visit logistic and port facilities of the partners in Cartagena.
                """,
            DescriptionEs = """
                Objetivos:

                1. Presentaciones y mesas redondas sobre estrategia y gobernanza, integración de procesos en la cadena logístico-portuaria, referentes e indicadores, gestión del cambio y TIC comunitarias.
                2. Conocer el estado de las soluciones TIC en sistemas portuarios de referencia mundial, con lecciones y recomendaciones para América Latina y el Caribe.
                3. Presentar la estructura organizativa de transición y el plan de trabajo de la Fase III del Programa Red de Puertos Digitales y Colaborativos, con un taller sobre misión, visión y prioridades.
                4. Visitar instalaciones logísticas y portuarias de los socios en Cartagena.
                """,
            Language = "es",
            City = "Cartagena de Indias",
            HostCountry = s.Country("CO"),
            Status = ActivityStatus.Held,
        }.Days(SeedTime.Bogota, new(2017, 7, 27), new(2017, 7, 29)).With(s, Sela).With(s, Caf, PartnerRole.Sponsor).Published(_announced2017),

        new Activity
        {
            Slug = "first-scientific-research-colloquium-port-logistics-chains-2017",
            Kind = ActivityKind.Seminar,
            TitleEn = "First Scientific Research Colloquium on Port Logistics Chains",
            TitleEs = "Primer Coloquio de Investigación Científica sobre Cadenas Logístico-Portuarias",
            SummaryEn = "Prelude to the II Meeting, organised by the Methodological Support Group (GAM) of Cartagena: an open debate on scientific networks in regional port logistics and applied research projects.",
            SummaryEs = "Preludio del II Encuentro, organizado por el Grupo de Apoyo Metodológico (GAM) de Cartagena: un debate abierto sobre las redes científicas en la logística portuaria regional y proyectos de investigación aplicada.",
            Language = "es",
            City = "Cartagena de Indias",
            HostCountry = s.Country("CO"),
            Status = ActivityStatus.Held,
        }.Days(SeedTime.Bogota, new(2017, 7, 26), new(2017, 7, 26)).With(s, Gam).Published(_announced2017),
    ];
}
