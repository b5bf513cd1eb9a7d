using PortCooperation.Web.Domain;
using static PortCooperation.Web.Data.Seeding.Demo.Organisations;
using static PortCooperation.Web.Data.Seeding.ReferenceData.Topics;

namespace PortCooperation.Web.Data.Seeding.Demo;

/// <summary>The seven international protocols of the COVID-19 page (written for the demo: the report counts seven and names only the IMO as a source).</summary>
internal static partial class Library
{
    private static IEnumerable<DocumentSeed> International() =>
    [
        Protocol("covid-19-imo-facilitation-maritime-trade", Imo, "en", new(2020, 4, 6), TradeFacilitation,
            "Recommendations to governments on facilitating maritime trade during the COVID-19 pandemic",
            "Recomendaciones a los gobiernos para facilitar el comercio marítimo durante la pandemia de COVID-19",
            "The IMO asks governments to keep ports open to cargo ships through the pandemic, to treat seafarers and port workers as key workers and to accept electronic certificates, so that goods keep moving while health is protected.",
            "La OMI pide a los gobiernos mantener los puertos abiertos a los buques de carga durante la pandemia, considerar esenciales a la gente de mar y a los trabajadores portuarios y aceptar certificados electrónicos, para que las mercancías sigan circulando sin descuidar la salud.",
            ["Treat seafarers and port workers as key workers.", "Keep ports open to cargo ships and allow berthing.", "Accept electronic certificates and documents."],
            ["Considerar a la gente de mar y a los trabajadores portuarios como trabajadores esenciales.", "Mantener los puertos abiertos a los buques de carga y permitir el atraque.", "Aceptar certificados y documentos electrónicos."]),

        Protocol("covid-19-imo-crew-change-protocols", Imo, "en", new(2020, 5, 12), CrewAndHealth,
            "Framework of protocols for safe ship crew changes and travel",
            "Marco de protocolos para cambios de tripulación y viajes seguros",
            "A step-by-step framework so that crews can join and leave their ships and travel home safely: health checks before and after service, safe transfers between ship, port and airport, and the papers seafarers need at borders.",
            "Marco paso a paso para que las tripulaciones puedan embarcar, desembarcar y regresar a casa con seguridad: controles sanitarios antes y después del servicio, traslados seguros entre buque, puerto y aeropuerto, y los documentos que la gente de mar necesita en las fronteras.",
            ["Health screening before joining and after leaving the ship.", "Safe transfer between ship, port and airport.", "Documents seafarers carry to cross borders."],
            ["Control sanitario antes de embarcar y después de desembarcar.", "Traslado seguro entre el buque, el puerto y el aeropuerto.", "Documentos que la gente de mar lleva para cruzar fronteras."]),

        Protocol("covid-19-imo-ship-shore-interface", Imo, "en", new(2020, 6, 3), CrewAndHealth,
            "Guidance for a safe ship–shore interface between ship and port personnel",
            "Orientaciones para una interfaz buque–tierra segura entre el personal del buque y del puerto",
            "How ship crews and port staff can work together during a call with as little contact as possible: planning who boards and when, distancing and protective equipment at the gangway, and reporting suspected cases before arrival.",
            "Cómo pueden trabajar juntos la tripulación y el personal del puerto durante una escala con el menor contacto posible: planificar quién sube a bordo y cuándo, distancia y equipo de protección en la escala real, y aviso de los casos sospechosos antes de la llegada.",
            ["Plan who boards the ship and when.", "Physical distancing and protective equipment at the gangway.", "Report suspected cases before arrival."],
            ["Planificar quién sube a bordo y cuándo.", "Distanciamiento físico y equipo de protección en la escala real.", "Notificar los casos sospechosos antes de la llegada."]),

        Protocol("covid-19-who-points-of-entry-ships", Who, "en", new(2020, 4, 15), CrewAndHealth,
            "Operational considerations for managing COVID-19 cases on board ships and at points of entry",
            "Consideraciones operativas para gestionar casos de COVID-19 a bordo de buques y en los puntos de entrada",
            "Guidance for port health authorities and ship operators when someone on board may have COVID-19: isolate the person, inform the next port of call, trace close contacts and disinfect the ship.",
            "Orientaciones para las autoridades sanitarias portuarias y los operadores de buques cuando una persona a bordo podría tener COVID-19: aislarla, avisar al siguiente puerto de escala, rastrear los contactos cercanos y desinfectar el buque.",
            ["Isolate the person and inform the next port of call.", "Trace and quarantine close contacts.", "Clean and disinfect the affected areas."],
            ["Aislar a la persona e informar al siguiente puerto de escala.", "Rastrear y poner en cuarentena a los contactos cercanos.", "Limpiar y desinfectar las zonas afectadas."]),

        Protocol("covid-19-ilo-port-workers-seafarers", Ilo, "en", new(2020, 4, 28), Governance,
            "Protecting port workers and seafarers at work during the pandemic",
            "Protección de los trabajadores portuarios y de la gente de mar en el trabajo durante la pandemia",
            "How to protect the health and rights of the dockworkers and seafarers who keep ports running: a risk assessment of every job, paid sick leave and medical care, and shifts agreed through social dialogue.",
            "Cómo proteger la salud y los derechos de los trabajadores portuarios y de la gente de mar que mantienen los puertos en funcionamiento: evaluación de riesgos de cada puesto, licencia remunerada y atención médica, y turnos acordados mediante el diálogo social.",
            ["Risk assessment of every port job.", "Paid leave and medical care for sick workers.", "Social dialogue on shift and rest arrangements."],
            ["Evaluación de riesgos de cada puesto portuario.", "Licencia remunerada y atención médica para los trabajadores enfermos.", "Diálogo social sobre turnos y descansos."]),

        Protocol("covid-19-wco-customs-supply-chains", Wco, "en", new(2020, 5, 5), TradeFacilitation,
            "Customs practices to keep supply chains moving during COVID-19",
            "Prácticas aduaneras para mantener en marcha las cadenas de suministro durante la COVID-19",
            "Customs practices for clearing relief goods quickly and reducing physical contact at the border: priority for medical supplies, processing before arrival, risk-based inspections and paperless payment.",
            "Prácticas aduaneras para despachar con rapidez los envíos de socorro y reducir el contacto físico en la frontera: prioridad a los suministros médicos, tramitación anticipada, controles basados en el riesgo y pago sin papel.",
            ["Priority clearance for medical supplies.", "Pre-arrival processing and risk-based inspections.", "Electronic payment and document submission."],
            ["Despacho prioritario de suministros médicos.", "Tramitación anticipada y controles basados en el riesgo.", "Pago y presentación de documentos por vía electrónica."]),

        Protocol("covid-19-eclac-port-activity-monitoring", Eclac, "es", new(2020, 6, 16), Logistics,
            "Port activity and the pandemic: monitoring for Latin America and the Caribbean",
            "La actividad portuaria y la pandemia: seguimiento para América Latina y el Caribe",
            "Follows the pandemic's effect on the ports of Latin America and the Caribbean month by month, comparing container throughput and ship calls with 2019 and drawing lessons for recovery plans.",
            "Sigue mes a mes el efecto de la pandemia en los puertos de América Latina y el Caribe, compara el movimiento de contenedores y las escalas con 2019 y extrae lecciones para los planes de recuperación.",
            ["Monthly container throughput by port.", "Comparison with the same months of 2019.", "Recommendations for port recovery plans."],
            ["Movimiento mensual de contenedores por puerto.", "Comparación con los mismos meses de 2019.", "Recomendaciones para los planes de recuperación portuaria."]),
    ];

    private static DocumentSeed Protocol(
        string slug, string organisation, string language, DateOnly publishedOn, string extraTopic,
        string titleEn, string titleEs, string summaryEn, string summaryEs, string[] measuresEn, string[] measuresEs) =>
        new(slug, SourceKind.InternationalOrganisation, organisation, null, language, publishedOn, extraTopic,
            titleEn, titleEs, summaryEn, summaryEs, measuresEn, measuresEs);
}
