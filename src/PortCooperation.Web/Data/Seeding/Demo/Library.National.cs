using PortCooperation.Web.Domain;
using static PortCooperation.Web.Data.Seeding.Demo.Organisations;
using static PortCooperation.Web.Data.Seeding.ReferenceData.Topics;

namespace PortCooperation.Web.Data.Seeding.Demo;

/// <summary>
/// The 16 national measures of the COVID-19 page, split by region as the report counts them: 3 North America,
/// 3 Central America, 5 South America and 5 English-speaking Caribbean (written for the demo: the report names none, so each stands in for one of them).
/// </summary>
internal static partial class Library
{
    private static IEnumerable<DocumentSeed> National() =>
    [
        // North America
        Measure("covid-19-ca-marine-transportation-measures", "CA", null, "en", new(2020, 4, 9), CrewAndHealth,
            "Measures for marine transportation and port operations", "Medidas para el transporte marítimo y las operaciones portuarias",
            "Canada's rules for ships and port operations during the pandemic: crew members go ashore only for essential reasons and every arriving ship reports the health of the people on board.",
            "Normas de Canadá para los buques y las operaciones portuarias durante la pandemia: los tripulantes solo bajan a tierra por motivos esenciales y cada buque informa a su llegada del estado de salud de las personas a bordo.",
            ["Crew members may disembark only for essential reasons.", "Ship arrivals report the health of everyone on board."],
            ["Los tripulantes solo pueden desembarcar por motivos esenciales.", "Los buques informan del estado de salud de todas las personas a bordo a su llegada."]),
        Measure("covid-19-us-port-facility-guidance", "US", Uscg, "en", new(2020, 4, 21), Security,
            "Guidance for vessels and port facilities", "Orientaciones para buques e instalaciones portuarias",
            "United States Coast Guard guidance for vessels and port facilities: ill persons are reported before a ship enters port, and facility security plans may adapt screening to reduce contact.",
            "Orientaciones de la Guardia Costera de los Estados Unidos para buques e instalaciones portuarias: las personas enfermas se notifican antes de entrar a puerto y los planes de protección pueden adaptar los controles para reducir el contacto.",
            ["Report ill persons on board before entering port.", "Port facility security plans may adapt screening to reduce contact."],
            ["Notificar a las personas enfermas a bordo antes de entrar a puerto.", "Los planes de protección de las instalaciones portuarias pueden adaptar los controles para reducir el contacto."]),
        Measure("covid-19-mx-port-health-protocol", "MX", Sct, "es", new(2020, 5, 4), CrewAndHealth,
            "Health protocol for ports and port terminals", "Protocolo sanitario para puertos y terminales portuarias",
            "Mexico's health protocol for ports and terminals, from the General Coordination of Ports and Merchant Marine: temperature checks at the gates and staggered shifts for port workers.",
            "Protocolo sanitario de México para puertos y terminales, de la Coordinación General de Puertos y Marina Mercante: control de temperatura en los accesos y turnos escalonados para los trabajadores portuarios.",
            ["Temperature checks at port gates.", "Staggered shifts for port workers."],
            ["Control de temperatura en los accesos al puerto.", "Turnos escalonados para los trabajadores portuarios."]),

        // Central America
        Measure("covid-19-pa-crew-change-ship-arrivals", "PA", null, "es", new(2020, 4, 17), CrewAndHealth,
            "Crew changes and ship arrivals", "Cambios de tripulación y llegada de buques",
            "Panama's rules for crew changes and ship arrivals: crews change under a health protocol and free pratique is granted electronically, with no papers carried on board.",
            "Normas de Panamá para los cambios de tripulación y la llegada de buques: los relevos se hacen conforme a un protocolo sanitario y la libre plática se otorga por vía electrónica, sin papeles a bordo.",
            ["Crew changes allowed under a health protocol.", "Free pratique granted electronically."],
            ["Cambios de tripulación permitidos conforme a un protocolo sanitario.", "Libre plática otorgada por vía electrónica."]),
        Measure("covid-19-cr-port-operations-protocol", "CR", null, "es", new(2020, 5, 8), Logistics,
            "Protocol for port operations", "Protocolo para las operaciones portuarias",
            "Costa Rica's protocol for keeping cargo moving through its ports with minimum contact between staff, including disinfection of cranes and equipment between shifts.",
            "Protocolo de Costa Rica para mantener la carga en movimiento en sus puertos con un contacto mínimo entre el personal, incluida la desinfección de grúas y equipos entre turnos.",
            ["Cargo operations continue with minimum staff contact.", "Disinfection of cranes and equipment between shifts."],
            ["Las operaciones de carga continúan con un contacto mínimo entre el personal.", "Desinfección de grúas y equipos entre turnos."]),
        Measure("covid-19-gt-port-worker-biosecurity", "GT", null, "es", new(2020, 5, 26), CrewAndHealth,
            "Biosecurity measures for port workers", "Medidas de bioseguridad para los trabajadores portuarios",
            "Guatemala's biosecurity measures for port workers: masks and hand-washing stations at every terminal, and remote work for those at higher risk.",
            "Medidas de bioseguridad de Guatemala para los trabajadores portuarios: mascarillas y lavamanos en cada terminal, y trabajo a distancia para las personas de mayor riesgo.",
            ["Masks and hand washing stations at every terminal.", "Workers at higher risk work remotely."],
            ["Mascarillas y estaciones de lavado de manos en cada terminal.", "Los trabajadores de mayor riesgo trabajan a distancia."]),

        // South America
        Measure("covid-19-ar-ship-arrival-cargo-protocol", "AR", null, "es", new(2020, 4, 14), TradeFacilitation,
            "Protocol for ship arrivals and cargo operations", "Protocolo para la llegada de buques y las operaciones de carga",
            "Argentina's protocol for ship arrivals and cargo operations: pilots and inspectors board with protective equipment and cargo documents are submitted electronically.",
            "Protocolo de Argentina para la llegada de buques y las operaciones de carga: prácticos e inspectores suben a bordo con equipo de protección y los documentos de carga se presentan por vía electrónica.",
            ["Pilots and inspectors board with protective equipment.", "Cargo documents submitted electronically."],
            ["Prácticos e inspectores suben a bordo con equipo de protección.", "Documentos de carga presentados por vía electrónica."]),
        Measure("covid-19-br-ship-arrival-health-procedures", "BR", null, "pt", new(2020, 4, 24), CrewAndHealth,
            "Health procedures for ship arrivals", "Procedimientos sanitarios para la llegada de buques",
            "Brazil's health procedures for arriving ships: the maritime declaration of health is sent before arrival and suspected cases stay isolated on board until assessed.",
            "Procedimientos sanitarios de Brasil para los buques que llegan: la declaración marítima de sanidad se envía antes de la llegada y los casos sospechosos permanecen aislados a bordo hasta su evaluación.",
            ["Maritime health declaration sent before arrival.", "Suspected cases isolated on board until assessed."],
            ["Declaración marítima de sanidad enviada antes de la llegada.", "Los casos sospechosos permanecen aislados a bordo hasta su evaluación."]),
        Measure("covid-19-cl-port-terminal-sanitary-protocol", "CL", null, "es", new(2020, 5, 15), CrewAndHealth,
            "Sanitary protocol for port terminals", "Protocolo sanitario para terminales portuarias",
            "Chile's sanitary protocol for port terminals: a daily health questionnaire for terminal staff and separate areas for ship crews and shore personnel.",
            "Protocolo sanitario de Chile para terminales portuarias: cuestionario de salud diario para el personal y zonas separadas para las tripulaciones y el personal de tierra.",
            ["Daily health questionnaire for terminal staff.", "Separate areas for ship crews and shore staff."],
            ["Cuestionario de salud diario para el personal de las terminales.", "Zonas separadas para las tripulaciones y el personal de tierra."]),
        Measure("covid-19-co-port-sector-biosecurity", "CO", null, "es", new(2020, 5, 21), Logistics,
            "Biosecurity protocol for the port sector", "Protocolo de bioseguridad para el sector portuario",
            "Colombia's biosecurity protocol for the port sector: truck appointments to avoid queues at the gates and contact tracing for workers with symptoms.",
            "Protocolo de bioseguridad de Colombia para el sector portuario: citas para camiones que evitan filas en los accesos y rastreo de contactos de los trabajadores con síntomas.",
            ["Truck appointments to avoid queues at the gates.", "Contact tracing of port workers with symptoms."],
            ["Citas para camiones para evitar filas en los accesos.", "Rastreo de contactos de los trabajadores portuarios con síntomas."]),
        Measure("covid-19-pe-port-terminal-prevention", "PE", Apn, "es", new(2020, 6, 2), CrewAndHealth,
            "Guidelines for preventing COVID-19 in port terminals", "Lineamientos para la prevención de la COVID-19 en terminales portuarios",
            "Guidelines of Peru's National Port Authority for preventing COVID-19 in port terminals: each terminal has an approved prevention plan and workers are medically checked before they return.",
            "Lineamientos de la Autoridad Portuaria Nacional del Perú para prevenir la COVID-19 en los terminales portuarios: cada terminal cuenta con un plan de prevención aprobado y los trabajadores pasan un control médico antes de reincorporarse.",
            ["Prevention plan approved for each terminal.", "Medical surveillance of workers before they return."],
            ["Plan de prevención aprobado para cada terminal.", "Vigilancia médica de los trabajadores antes de su reincorporación."]),

        // English-speaking Caribbean
        Measure("covid-19-jm-port-continuity-plan", "JM", null, "en", new(2020, 4, 20), Logistics,
            "Port operations continuity plan", "Plan de continuidad de las operaciones portuarias",
            "Jamaica's plan to keep its ports working through the pandemic: critical staff split into teams that never meet, and transhipment continuing around the clock.",
            "Plan de Jamaica para mantener sus puertos en funcionamiento durante la pandemia: el personal crítico se divide en equipos que no coinciden y el transbordo continúa las 24 horas.",
            ["Critical staff split into teams that never meet.", "Transhipment continues around the clock."],
            ["El personal crítico se divide en equipos que no coinciden.", "El transbordo continúa las 24 horas."]),
        Measure("covid-19-tt-shore-leave-crew-change", "TT", null, "en", new(2020, 5, 1), CrewAndHealth,
            "Protocols for shore leave, crew changes and cargo handling", "Protocolos para permisos en tierra, cambios de tripulación y manipulación de carga",
            "Trinidad and Tobago's protocols for shore leave, crew changes and cargo handling: shore leave is suspended, crew changes need approval and cargo is handled without crews leaving the ship.",
            "Protocolos de Trinidad y Tobago para permisos en tierra, cambios de tripulación y manipulación de carga: se suspenden los permisos en tierra, los relevos requieren autorización y la carga se manipula sin que la tripulación abandone el buque.",
            ["Shore leave suspended; crew changes by approval.", "Cargo handled without crew leaving the ship."],
            ["Permisos en tierra suspendidos; cambios de tripulación con autorización.", "La carga se manipula sin que la tripulación abandone el buque."]),
        Measure("covid-19-bb-cruise-cargo-port-health", "BB", null, "en", new(2020, 5, 19), CrewAndHealth,
            "Port health measures for cruise and cargo ships", "Medidas de sanidad portuaria para cruceros y buques de carga",
            "Port health measures of Barbados: cruise calls are suspended while cargo ships are still served, each cleared by health officers before work begins.",
            "Medidas de sanidad portuaria de Barbados: se suspenden las escalas de cruceros y se sigue atendiendo a los buques de carga, cada uno autorizado por sanidad antes de empezar a operar.",
            ["Cruise calls suspended; cargo ships served.", "Health officers clear each ship before operations."],
            ["Escalas de cruceros suspendidas; se atiende a los buques de carga.", "Los funcionarios de sanidad autorizan cada buque antes de las operaciones."]),
        Measure("covid-19-bs-port-facility-screening", "BS", null, "en", new(2020, 6, 9), Security,
            "Screening procedures at port facilities", "Procedimientos de control en las instalaciones portuarias",
            "Screening procedures at port facilities in the Bahamas: everyone entering is screened and visitors are admitted only on essential business.",
            "Procedimientos de control en las instalaciones portuarias de las Bahamas: se controla a toda persona que entra y solo se admite a visitantes por asuntos esenciales.",
            ["Everyone entering a port facility is screened.", "Visitor access limited to essential business."],
            ["Se controla a toda persona que entra en una instalación portuaria.", "Acceso de visitantes limitado a asuntos esenciales."]),
        Measure("covid-19-lc-safe-reopening-ports", "LC", null, "en", new(2020, 6, 23), Governance,
            "Safe reopening of port facilities", "Reapertura segura de las instalaciones portuarias",
            "Saint Lucia's plan for reopening its port facilities safely: in phases, with health checkpoints and a review of the measures every two weeks.",
            "Plan de Santa Lucía para reabrir con seguridad sus instalaciones portuarias: por fases, con puntos de control sanitario y una revisión de las medidas cada dos semanas.",
            ["Phased reopening with health checkpoints.", "Review of the measures every two weeks."],
            ["Reapertura por fases con puntos de control sanitario.", "Revisión de las medidas cada dos semanas."]),
    ];

    private static DocumentSeed Measure(
        string slug, string countryCode, string? organisation, string language, DateOnly publishedOn, string extraTopic,
        string titleEn, string titleEs, string summaryEn, string summaryEs, string[] measuresEn, string[] measuresEs) =>
        new(slug, SourceKind.NationalAuthority, organisation, countryCode, language, publishedOn, extraTopic,
            titleEn, titleEs, summaryEn, summaryEs, measuresEn, measuresEs);
}
