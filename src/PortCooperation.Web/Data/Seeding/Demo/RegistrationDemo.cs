using System.Globalization;
using System.Text;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Registrations;

namespace PortCooperation.Web.Data.Seeding.Demo;

/// <summary>
/// Upcoming webinars and courses with OPEN registration, dated relative to the day the demo data is first seeded, so
/// a newcomer can try every registration path right after <c>dotnet run</c>: one nearly full (38 of 40 places taken),
/// one full with a waiting list, one needing the secretariat's approval (some pending). The registrants are
/// synthetic (example.org / example.com addresses). Matched by slug like every demo activity: once on file, an
/// activity and its registrations are left alone, so seeding again (on any later day) adds nothing.
/// </summary>
internal static class RegistrationDemo
{
    private const string DescriptionEn = "Demo activity dated relative to the day the demo data was seeded, with synthetic registrations, so every registration path can be tried; it is not a real event.";
    private const string DescriptionEs = "Actividad de demostración fechada en relación con el día en que se cargaron los datos de demostración, con inscripciones ficticias, para probar cada camino de la inscripción; no es un evento real.";

    private static readonly string[] _firstNames = ["Ana", "Luis", "María", "Carlos", "Sofía", "Jorge", "Lucía", "Andrés", "Valentina", "Diego", "Camila", "Pedro", "Isabel", "Miguel", "Paula", "Daniel", "Grace", "Marlon", "Keisha", "André"];
    private static readonly string[] _lastNames = ["Gómez", "Rodríguez", "Silva", "Martínez", "Pérez", "Castillo", "Ramírez", "Campbell", "Herrera", "Torres", "Mendoza", "Baptiste", "Rojas", "Vargas"];
    private static readonly string[] _countries = ["PE", "CL", "CO", "MX", "PA", "AR", "BR", "EC", "UY", "CR", "GT", "DO", "JM", "TT", "BS", "HN", "PY", "SV", "BB", "US"];
    private static readonly string[] _organisations = ["Autoridad Portuaria Nacional", "Empresa Portuaria", "Port Authority", "Ministerio de Transporte", "Terminal Operator", "Administración Portuaria Integral"];
    private static readonly string[] _positions = ["Port operations manager", "Jefa de planificación", "Environmental specialist", "Analista de sistemas", "Harbour master", "Asesora jurídica"];

    public static async Task SeedAsync(SeedContext seed, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(seed.Db.Clock.GetUtcNow().UtcDateTime);
        var nearlyFull = new Activity
        {
            Slug = "demo-webinar-port-digitalisation-open-registration",
            Kind = ActivityKind.Webinar,
            TitleEn = "Port Digitalisation Clinic: Single Windows in Practice",
            TitleEs = "Clínica de digitalización portuaria: ventanillas únicas en la práctica",
            SummaryEn = "Ninety minutes with port authorities that run a maritime single window: what worked, what did not, and how to start.",
            SummaryEs = "Noventa minutos con autoridades portuarias que operan una ventanilla única marítima: qué funcionó, qué no y cómo empezar.",
            Language = "es",
            IsOnline = true,
            OnlineJoinUrl = "https://meet.example.org/demo/port-digitalisation-clinic",
            Capacity = 40,
            WaitingListEnabled = true,
        }.Open(seed, SeedTime.Secretariat, today.AddDays(10), 11, 90);

        var waitingList = new Activity
        {
            Slug = "demo-course-port-risk-management-open-registration",
            Kind = ActivityKind.Course,
            TitleEn = "Port Risk and Emergency Management",
            TitleEs = "Gestión de riesgos y emergencias portuarias",
            SummaryEn = "Online course on risk assessment, emergency plans and business continuity in ports. Fully booked: new registrations join the waiting list.",
            SummaryEs = "Curso en línea sobre evaluación de riesgos, planes de emergencia y continuidad de las operaciones portuarias. Completo: las nuevas inscripciones pasan a la lista de espera.",
            Language = "es",
            IsOnline = true,
            OnlineJoinUrl = "https://meet.example.org/demo/port-risk-course",
            Capacity = 25,
            WaitingListEnabled = true,
        }.Open(seed, SeedTime.Lima, today.AddDays(21), 9, 120);

        var approval = new Activity
        {
            Slug = "demo-course-port-leadership-open-registration",
            Kind = ActivityKind.Course,
            TitleEn = "Port Leadership Programme for Women Executives",
            TitleEs = "Programa de liderazgo portuario para mujeres ejecutivas",
            SummaryEn = "Online programme for senior staff of port authorities; the secretariat approves each application.",
            SummaryEs = "Programa en línea para personal directivo de autoridades portuarias; la secretaría aprueba cada solicitud.",
            Language = "en",
            IsOnline = true,
            OnlineJoinUrl = "https://meet.example.org/demo/port-leadership-programme",
            Capacity = 30,
            WaitingListEnabled = false,
            RequiresApproval = true,
        }.Open(seed, SeedTime.Panama, today.AddDays(35), 10, 120);

        var activities = await seed.Db.EnsureAsync([nearlyFull, waitingList, approval], a => a.Slug, SeedMode.AddMissing, cancellationToken);
        var now = seed.Db.Clock.GetUtcNow().UtcDateTime;
        var number = 0;
        void Add(Activity activity, RegistrationStatus status, int count, string domain)
        {
            // Registrations only come with an activity added in this run, so a second seed adds none.
            if (!seed.Db.IsNew(activity))
            {
                return;
            }

            for (var i = 0; i < count; i++, number++)
            {
                seed.Db.Registrations.Add(Registrant(seed, activity, status, number, domain, now.AddMinutes(-(count - i) * 37)));
            }
        }

        Add(activities[nearlyFull.Slug], RegistrationStatus.Confirmed, 38, "example.org");
        Add(activities[waitingList.Slug], RegistrationStatus.Confirmed, 25, "example.com");
        Add(activities[waitingList.Slug], RegistrationStatus.Waitlisted, 6, "example.com");
        Add(activities[approval.Slug], RegistrationStatus.Confirmed, 5, "example.org");
        Add(activities[approval.Slug], RegistrationStatus.Pending, 8, "example.org");
    }

    /// <summary>Planned, published, registration open since a week ago until the day before it starts.</summary>
    private static Activity Open(this Activity activity, SeedContext seed, string timeZoneId, DateOnly day, int hour, int minutes)
    {
        activity.StartsAtUtc = SeedTime.Utc(timeZoneId, day.Year, day.Month, day.Day, hour);
        activity.EndsAtUtc = activity.StartsAtUtc.AddMinutes(minutes);
        activity.TimeZoneId = timeZoneId;
        activity.DescriptionEn = DescriptionEn;
        activity.DescriptionEs = DescriptionEs;
        activity.Status = ActivityStatus.Planned;
        activity.IsDemo = true;
        activity.PublicationState = PublicationState.Published;
        var now = seed.Db.Clock.GetUtcNow().UtcDateTime;
        activity.PublishedAtUtc = now.AddDays(-7);
        activity.RegistrationEnabled = true;
        activity.RegistrationOpensAtUtc = now.AddDays(-7);
        activity.RegistrationClosesAtUtc = activity.StartsAtUtc.AddDays(-1);
        return activity;
    }

    private static Registration Registrant(SeedContext seed, Activity activity, RegistrationStatus status, int number, string domain, DateTime registeredAtUtc)
    {
        var first = _firstNames[number % _firstNames.Length];
        var last = _lastNames[number * 7 % _lastNames.Length];
        var email = string.Create(CultureInfo.InvariantCulture, $"{Ascii(first)}.{Ascii(last)}.{number + 1}@{domain}");
        return new Registration
        {
            Activity = activity,
            FullName = $"{first} {last}",
            Email = email,
            NormalizedEmail = EmailAddresses.Normalise(email),
            OrganisationName = _organisations[number % _organisations.Length],
            Position = _positions[number * 5 % _positions.Length],
            Country = seed.Country(_countries[number * 3 % _countries.Length]),
            Gender = (number % 9) switch { 8 => Gender.PreferNotToSay, var n when n % 2 == 0 => Gender.Female, _ => Gender.Male },
            Language = number % 3 == 0 ? "en" : "es",
            ConsentGivenAtUtc = registeredAtUtc,
            ConsentTextVersion = new RegistrationOptions().PrivacyNoticeVersion,
            Status = status,
            AccessToken = RegistrationService.NewToken(),
            CreatedAt = registeredAtUtc,
        };
    }

    private static string Ascii(string name) =>
        new([.. name.Normalize(NormalizationForm.FormD).Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).Select(char.ToLowerInvariant)]);
}
