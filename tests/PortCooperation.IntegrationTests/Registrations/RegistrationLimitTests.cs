using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PortCooperation.IntegrationTests.Infrastructure;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Infrastructure.Security;
using PortCooperation.Web.Services.Registrations;
using static PortCooperation.IntegrationTests.Registrations.RegistrationTestKit;
using static PortCooperation.IntegrationTests.Web.WebTestData;

namespace PortCooperation.IntegrationTests.Registrations;

/// <summary>
/// Registration limits live inside the form: per address, per activity and a generous ceiling per network. A refusal
/// is the form again, filled as it was sent, with the real wait beside the address — never a page that loses input.
/// </summary>
public sealed class RegistrationLimitTests
{
    [Fact]
    public async Task OverTheLimitForOneAddress_TheFormComesBackFilled_WithTheRealWaitInSpanish_AndRegistersOnceItHasPassed()
    {
        using var factory = new WebFactory(settings: Settings(Limit("RegistrationPerAddress", 2, 600)));
        var activities = new[] { OpenActivity(), OpenActivity(), OpenActivity() };
        await factory.AddAsync(activities);
        var client = factory.CreateBrowserLikeClient();
        foreach (var activity in activities[..2])
        {
            using var allowed = await client.PostRegistrationAsync(activity.Slug, Fields(), acceptLanguage: "es");
            allowed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        factory.Clock.Advance(TimeSpan.FromMinutes(4));
        var third = activities[2].Slug;
        using var refused = await client.PostRegistrationAsync(third, Fields(email: " ANA.perez@example.org"), acceptLanguage: "es");

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.GetValues("Retry-After").Single().ShouldBe("360");
        var page = await ParseAsync(refused);
        Squash(page.QuerySelector("#Email-error")!.TextContent).ShouldBe(
            "Error: Esta dirección se ha usado para varias inscripciones en poco tiempo. Vuelva a enviar el formulario dentro de 6 minutos; todo lo que escribió se conserva.");
        page.QuerySelectorAll("#error-summary a").Select(a => a.GetAttribute("href")).ShouldBe(["#Email"]);
        page.QuerySelector("#FullName")!.GetAttribute("value").ShouldBe("Ana Pérez");
        page.QuerySelector("#Email")!.GetAttribute("value").ShouldBe(" ANA.perez@example.org");
        page.QuerySelector("#Organisation")!.GetAttribute("value").ShouldBe("Autoridad Portuaria Nacional");
        page.QuerySelector("#Position")!.GetAttribute("value").ShouldBe("Jefa de planificación");
        page.QuerySelector("#Country option[selected]")!.GetAttribute("value").ShouldBe("PE");
        page.QuerySelector("#Gender-Female")!.HasAttribute("checked").ShouldBeTrue();
        page.QuerySelector("#Consent")!.HasAttribute("checked").ShouldBeTrue();
        (await factory.RegistrationsAsync(activities[2].Id)).ShouldBeEmpty();

        factory.Clock.Advance(TimeSpan.FromMinutes(6));
        using var later = await client.PostRegistrationAsync(third, Fields(), acceptLanguage: "es");
        later.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await factory.RegistrationsAsync(activities[2].Id)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task OneOffice_RegistersATeamOfThirty_WithTypingMistakes_UnderTheDefaultLimits()
    {
        var defaults = new RateLimitOptions();
        using var factory = new WebFactory(settings: Settings(new Dictionary<string, string?>(
            Limit("RegistrationPerAddress", defaults.RegistrationPerAddress.PermitLimit, defaults.RegistrationPerAddress.WindowSeconds)
                .Concat(Limit("RegistrationPerActivity", defaults.RegistrationPerActivity.PermitLimit, defaults.RegistrationPerActivity.WindowSeconds))
                .Concat(Limit("RegistrationPerNetwork", defaults.RegistrationPerNetwork.PermitLimit, defaults.RegistrationPerNetwork.WindowSeconds)))));
        var activity = OpenActivity();
        await factory.AddAsync(activity);
        var client = factory.CreateBrowserLikeClient();

        for (var person = 1; person <= 30; person++)
        {
            // Each colleague's first try has a typing mistake, and is sent again corrected.
            using var mistake = await client.PostRegistrationAsync(activity.Slug, Fields(email: $"colleague{person}@@port.example.org"));
            mistake.StatusCode.ShouldBe(HttpStatusCode.OK);
            using var corrected = await client.PostRegistrationAsync(activity.Slug, Fields(email: $"colleague{person}@port.example.org"));
            corrected.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"colleague {person}");
        }

        (await factory.RegistrationsAsync(activity.Id)).Count.ShouldBe(30);
    }

    [Fact]
    public async Task OverTheLimitForOneActivity_SaysSoInEnglish_WhileOtherActivitiesStillRegister()
    {
        using var factory = new WebFactory(settings: Settings(Limit("RegistrationPerActivity", 3, 600)));
        var busy = OpenActivity();
        var quiet = OpenActivity();
        await factory.AddAsync(busy, quiet);
        var client = factory.CreateBrowserLikeClient();
        for (var person = 1; person <= 3; person++)
        {
            using var allowed = await client.PostRegistrationAsync(busy.Slug, Fields(email: $"person{person}@port.example.org"), acceptLanguage: "en");
            allowed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using var refused = await client.PostRegistrationAsync(busy.Slug, Fields(email: "person4@port.example.org"), acceptLanguage: "en");
        using var elsewhere = await client.PostRegistrationAsync(quiet.Slug, Fields(email: "person4@port.example.org"), acceptLanguage: "en");

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        Squash((await ParseAsync(refused)).QuerySelector("#Email-error")!.TextContent).ShouldBe(
            "Error: This activity is receiving very many registrations right now. Please send the form again in 10 minutes; everything you typed is kept.");
        elsewhere.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task TheNetworkCeiling_CountsFailedPostsToo_AndStillKeepsTheForm()
    {
        using var factory = new WebFactory(settings: Settings(Limit("RegistrationPerNetwork", 3, 60)));
        var activity = OpenActivity();
        await factory.AddAsync(activity);
        var client = factory.CreateBrowserLikeClient();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            using var invalid = await client.PostRegistrationAsync(activity.Slug, Fields(email: "not-an-address"));
            invalid.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var refused = await client.PostRegistrationAsync(activity.Slug, Fields(), acceptLanguage: "en");

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        var page = await ParseAsync(refused);
        Squash(page.QuerySelector("#Email-error")!.TextContent).ShouldContain("from your network");
        Squash(page.QuerySelector("#Email-error")!.TextContent).ShouldContain("in 1 minute;");
        page.QuerySelector("#Email")!.GetAttribute("value").ShouldBe("ana.perez@example.org");
        (await factory.RegistrationsAsync(activity.Id)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("foo@bar..com")]
    [InlineData("ana@exa mple.org")]
    [InlineData("ana@example.org.")]
    [InlineData("ana@localhost")]
    [InlineData("ana@[192.0.2.1]")]
    [InlineData("ana..perez@example.org")]
    [InlineData("ana@-port.example.org")]
    public async Task UndeliverableAddresses_AreRefusedBesideTheField(string email)
    {
        var page = await RefusedRegistration.PostAsync(email);

        page.QuerySelector("#Email-error").ShouldNotBeNull(email);
        page.QuerySelector("#Email")!.GetAttribute("value").ShouldBe(email);
    }

    [Fact]
    public async Task ADomainTheDnsSaysTakesNoMail_IsRefused_AndOneWithoutAnAnswerIsTaken()
    {
        using var factory = new WebFactory(settings: Settings());
        var activity = OpenActivity();
        await factory.AddAsync(activity);
        var domains = new FakeMailDomains { ["nomail.example.org"] = MailDomainAnswer.CannotReceiveMail, ["port.example.org"] = MailDomainAnswer.CanReceiveMail };
        using var app = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IMailDomainCheck>();
            services.AddSingleton<IMailDomainCheck>(domains);
        }));
        var client = app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

        using var refused = await client.PostRegistrationAsync(activity.Slug, Fields(email: "ana@nomail.example.org"), acceptLanguage: "es");
        using var known = await client.PostRegistrationAsync(activity.Slug, Fields(email: "ana@port.example.org"));
        using var unanswered = await client.PostRegistrationAsync(activity.Slug, Fields(email: "ana@offline.example.org"));

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        Squash((await ParseAsync(refused)).QuerySelector("#Email-error")!.TextContent).ShouldBe(
            "Error: La parte después de la @ no es un dominio que reciba correo. Revise si la dirección tiene un error de escritura.");
        known.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        unanswered.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        domains.Asked.ShouldBe(["nomail.example.org", "port.example.org", "offline.example.org"]);
    }

    [Fact]
    public async Task EveryCountryOfTheWorld_CanBeChosen_AndIsStoredAsTheRegistrationsCountry()
    {
        using var factory = new WebFactory(settings: Settings());
        var activity = OpenActivity();
        await factory.AddAsync(activity);
        var client = factory.CreateBrowserLikeClient();

        var form = await client.GetDocumentAsync($"/activities/{activity.Slug}/register?culture=es");
        var groups = form.QuerySelectorAll("#Country optgroup").ToList();
        groups[0].QuerySelectorAll("option").Length.ShouldBe(35);
        var others = groups[1].QuerySelectorAll("option").ToDictionary(o => o.GetAttribute("value")!, o => o.TextContent.Trim());
        others.Count.ShouldBe(249 - 35);
        others["BT"].ShouldBe("Bután");
        others["ES"].ShouldBe("España");
        others.Values.ToList().ShouldBe([.. others.Values.Order(StringComparer.Create(CultureInfo.GetCultureInfo("es"), CompareOptions.IgnoreCase))]);

        var fields = Fields(email: "tashi@example.org");
        fields["Country"] = "BT";
        using var response = await client.PostRegistrationAsync(activity.Slug, fields);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var registration = (await factory.RegistrationsAsync(activity.Id)).ShouldHaveSingleItem();
        var country = await factory.WithDbAsync(db => db.Countries.AsNoTracking().SingleAsync(c => c.Id == registration.CountryId));
        (country.Code, country.NameEn, country.NameEs, country.IsMemberState).ShouldBe(("BT", "Bhutan", "Bután", false));
    }

    private static Dictionary<string, string?> Limit(string name, int permits, int seconds) => new()
    {
        [$"RateLimiting:{name}:PermitLimit"] = permits.ToString(CultureInfo.InvariantCulture),
        [$"RateLimiting:{name}:WindowSeconds"] = seconds.ToString(CultureInfo.InvariantCulture),
    };

    private sealed class FakeMailDomains : Dictionary<string, MailDomainAnswer>, IMailDomainCheck
    {
        public List<string> Asked { get; } = [];

        public Task<MailDomainAnswer> CheckAsync(string domain, CancellationToken cancellationToken)
        {
            Asked.Add(domain);
            return Task.FromResult(TryGetValue(domain, out var answer) ? answer : MailDomainAnswer.Unknown);
        }
    }
}
