using System.Net;
using Microsoft.EntityFrameworkCore;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;
using static PortCooperation.IntegrationTests.Registrations.RegistrationTestKit;
using static PortCooperation.IntegrationTests.Web.WebTestData;

namespace PortCooperation.IntegrationTests.Registrations;

public sealed class RegistrationFormTests
{
    [Fact]
    public async Task Form_ListsMemberStatesFirst_ThenOtherCountries_AndIsNotCached()
    {
        using var factory = new WebFactory(settings: Settings());
        var activity = OpenActivity();
        await factory.AddAsync(activity);

        using var response = await factory.CreateClient().GetAsync($"/activities/{activity.Slug}/register");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var page = await ParseAsync(response);
        var groups = page.QuerySelectorAll("#Country optgroup").ToList();
        groups.Select(g => g.GetAttribute("label")).ShouldBe(["Member states", "Other countries"]);
        var members = groups[0].QuerySelectorAll("option").Select(o => o.GetAttribute("value")).ToList();
        members.Count.ShouldBe(35);
        members.ShouldContain("PE");
        groups[1].QuerySelectorAll("option").Select(o => o.GetAttribute("value")).ShouldNotContain("PE");
        foreach (var field in new[] { "FullName", "Email", "Organisation", "Position", "Country", "Consent" })
        {
            page.QuerySelector($"label[for={field}]").ShouldNotBeNull(field);
        }

        page.QuerySelectorAll("input[name=Gender]").Select(i => i.GetAttribute("value")).ShouldBe(["Female", "Male", "Other", "PreferNotToSay"]);
        page.QuerySelector(".registration-form__trap input[name=Website]").ShouldNotBeNull();
    }

    [Fact]
    public async Task Form_OfAnUnknownOrUnpublishedActivity_Is404()
    {
        using var factory = new WebFactory(settings: Settings());
        var draft = OpenActivity(a => a.PublicationState = PublicationState.Draft);
        await factory.AddAsync(draft);
        var client = factory.CreateClient();

        (await client.GetAsync("/activities/no-such-activity/register")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/activities/{draft.Slug}/register")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Form_NeedsAtMostThreeSqlCommands()
    {
        using var factory = new WebFactory(settings: Settings());
        var activity = OpenActivity(a => a.Capacity = 10);
        var other = OpenActivity();
        await factory.AddAsync(activity, other);
        var client = factory.CreateClient();
        (await client.GetAsync($"/activities/{other.Slug}/register")).StatusCode.ShouldBe(HttpStatusCode.OK);

        factory.SqlCommands.Reset();
        (await client.GetAsync($"/activities/{activity.Slug}/register")).StatusCode.ShouldBe(HttpStatusCode.OK);

        factory.SqlCommands.Count.ShouldBeInRange(1, 3);
    }

    [Fact]
    public async Task ValidPost_RedirectsToTheConfirmationPage_StoresConsentVersionAndTime_AndQueuesOneMailInTheRegistrantsLanguage()
    {
        using var factory = new WebFactory(settings: Settings());
        var activity = OpenActivity(a => a.Capacity = 50);
        await factory.AddAsync(activity);
        var client = factory.CreateBrowserLikeClient();

        using var response = await client.PostRegistrationAsync(activity.Slug, Fields(email: "  Ana.Perez@Example.ORG "), acceptLanguage: "en");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe($"/activities/{activity.Slug}/register/done?outcome=Confirmed");
        var registration = (await factory.RegistrationsAsync(activity.Id)).ShouldHaveSingleItem();
        registration.Status.ShouldBe(RegistrationStatus.Confirmed);
        registration.Email.ShouldBe("Ana.Perez@Example.ORG");
        registration.NormalizedEmail.ShouldBe("ana.perez@example.org");
        registration.ConsentTextVersion.ShouldBe("2026-11");
        registration.ConsentGivenAtUtc.ShouldBe(Now);
        registration.Gender.ShouldBe(Gender.Female);
        registration.Language.ShouldBe("es");
        registration.AccessToken.Length.ShouldBeGreaterThanOrEqualTo(43);
        var mail = (await factory.OutboxAsync()).ShouldHaveSingleItem();
        mail.RegistrationId.ShouldBe(registration.Id);
        mail.ToAddress.ShouldBe("Ana.Perez@Example.ORG");
        mail.Subject.ShouldBe("Inscripción confirmada: Port logistics webinar (ES)");
        mail.BodyText.ShouldContain($"https://portal.example.org/registrations/{registration.AccessToken}");
        mail.BodyText.ShouldContain("https://meet.example.org/j/123");
        mail.Status.ShouldBe(OutboxStatus.Pending);

        var done = await client.GetDocumentAsync(response.Headers.Location!.ToString());
        Squash(done.QuerySelector("h1")!.TextContent).ShouldBe("You are registered");
        done.Body!.InnerHtml.ShouldNotContain(registration.AccessToken);
    }

    [Fact]
    public async Task InvalidPost_ShowsEachMessageBesideItsField_AndInTheSummary_InSpanish_KeepingWhatWasTyped()
    {
        using var factory = new WebFactory(settings: Settings());
        var activity = OpenActivity();
        await factory.AddAsync(activity);
        var client = factory.CreateClient();
        var fields = Fields(email: "not-an-address");
        fields["FullName"] = "";
        fields["Country"] = "XX";
        fields["Consent"] = "false";
        fields["Organisation"] = "Puerto <b>Callao</b>";

        using var response = await client.PostRegistrationAsync(activity.Slug, fields, acceptLanguage: "es");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await ParseAsync(response);
        page.DocumentElement.GetAttribute("lang").ShouldBe("es");
        Squash(page.QuerySelector("#error-summary h2")!.TextContent).ShouldBe("Hay un problema con su inscripción");
        page.QuerySelectorAll("#error-summary a").Select(a => a.GetAttribute("href")).ShouldBe(["#FullName", "#Email", "#Country", "#Consent"]);
        Squash(page.QuerySelector("#FullName-error")!.TextContent).ShouldBe("Error: Escriba su nombre completo.");
        Squash(page.QuerySelector("#Email-error")!.TextContent).ShouldBe("Error: Escriba un correo electrónico con el formato nombre@ejemplo.org.");
        Squash(page.QuerySelector("#Country-error")!.TextContent).ShouldBe("Error: Elija su país.");
        Squash(page.QuerySelector("#Consent-error")!.TextContent).ShouldBe("Error: Acepte el aviso de privacidad para inscribirse.");
        page.QuerySelector("#FullName")!.GetAttribute("aria-invalid").ShouldBe("true");
        page.QuerySelector("#FullName")!.GetAttribute("aria-describedby").ShouldBe("FullName-error");
        page.QuerySelector("#Email")!.GetAttribute("value").ShouldBe("not-an-address");
        page.QuerySelector("#Organisation")!.GetAttribute("value").ShouldBe("Puerto <b>Callao</b>");
        page.QuerySelector("#Position")!.GetAttribute("value").ShouldBe("Jefa de planificación");
        page.QuerySelector("#Gender-Female")!.HasAttribute("checked").ShouldBeTrue();
        page.QuerySelector("#Language-es")!.HasAttribute("checked").ShouldBeTrue();
        (await factory.RegistrationsAsync(activity.Id)).ShouldBeEmpty();
        (await factory.OutboxAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Resubmitting_FiveTimes_KeepsOneRegistration_AnswersAsTheFirstTime_AndMailsTheLinkToTheRegistrant()
    {
        using var factory = new WebFactory(settings: Settings());
        var activity = OpenActivity();
        await factory.AddAsync(activity);
        var client = factory.CreateBrowserLikeClient();

        var locations = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await client.PostRegistrationAsync(activity.Slug, Fields(email: i % 2 == 0 ? "ana@example.org" : " ANA@example.org"));
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            locations.Add(response.Headers.Location!.ToString());
        }

        var registration = (await factory.RegistrationsAsync(activity.Id)).ShouldHaveSingleItem();
        locations.ShouldAllBe(l => l == locations[0], "the page does not tell whether the address was registered already");
        locations[0].ShouldEndWith("outcome=Confirmed");
        var mails = await factory.OutboxAsync();
        mails.Count.ShouldBe(2, "the confirmation, and one reminder of the link however often the form is sent within the hour");
        var reminder = mails.Single(m => m.IdempotencyKey.StartsWith("AlreadyRegistered:", StringComparison.Ordinal));
        reminder.ToAddress.ShouldBe("ana@example.org");
        reminder.BodyText.ShouldContain("/registrations/" + registration.AccessToken);
    }

    [Fact]
    public async Task ANewCountry_ComesOnlyWithARegistration_NeverWithAPostThatIsRefused()
    {
        using var factory = new WebFactory(settings: Settings(new Dictionary<string, string?>
        {
            ["RateLimiting:RegistrationPerAddress:PermitLimit"] = "1",
            ["RateLimiting:RegistrationPerAddress:WindowSeconds"] = "600",
        }));
        var activity = OpenActivity();
        var earlier = OpenActivity();
        await factory.AddAsync(activity, earlier);
        var client = factory.CreateBrowserLikeClient();
        Task<int> BhutanRows() => factory.WithDbAsync(db => db.Countries.CountAsync(c => c.Code == "BT"));
        Dictionary<string, string> FromBhutan(string email, string fullName = "Tashi Dorji")
        {
            var fields = Fields(email: email);
            fields["Country"] = "BT";
            fields["FullName"] = fullName;
            return fields;
        }

        // Another field is wrong: the form comes back, and no country was added for it.
        using (var invalid = await client.PostRegistrationAsync(activity.Slug, FromBhutan("tashi@example.org", fullName: "")))
        {
            invalid.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await ParseAsync(invalid)).QuerySelector("#Country option[selected]")!.GetAttribute("value").ShouldBe("BT");
        }

        (await BhutanRows()).ShouldBe(0);

        // The address is over its limit: refused after validation, still no country.
        using (var first = await client.PostRegistrationAsync(earlier.Slug, Fields(email: "tashi@example.org")))
        {
            first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using (var refused = await client.PostRegistrationAsync(activity.Slug, FromBhutan("tashi@example.org")))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        }

        (await BhutanRows()).ShouldBe(0);

        // A registration that is made brings its country with it.
        using (var made = await client.PostRegistrationAsync(activity.Slug, FromBhutan("pema@example.org")))
        {
            made.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await BhutanRows()).ShouldBe(1);
    }

    [Fact]
    public async Task Honeypot_FilledIn_StoresAndSendsNothing()
    {
        using var factory = new WebFactory(settings: Settings());
        var activity = OpenActivity();
        await factory.AddAsync(activity);
        var fields = Fields();
        fields["Website"] = "http://spam.example";

        using var response = await factory.CreateBrowserLikeClient().PostRegistrationAsync(activity.Slug, fields);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await factory.RegistrationsAsync(activity.Id)).ShouldBeEmpty();
        (await factory.OutboxAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task OverPosting_StatusOrToken_IsIgnored()
    {
        using var factory = new WebFactory(settings: Settings());
        var activity = OpenActivity(a => a.RequiresApproval = true);
        await factory.AddAsync(activity);
        var fields = Fields();
        fields["Status"] = "Confirmed";
        fields["AccessToken"] = "chosen-by-the-visitor";
        fields["ActivityId"] = "999";

        (await factory.CreateBrowserLikeClient().PostRegistrationAsync(activity.Slug, fields)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var registration = (await factory.RegistrationsAsync(activity.Id)).ShouldHaveSingleItem();
        registration.Status.ShouldBe(RegistrationStatus.Pending);
        registration.AccessToken.ShouldNotBe("chosen-by-the-visitor");
    }

    [Theory]
    [InlineData(2, 5, "Registration for this activity has not opened yet.")]
    [InlineData(-5, -1, "Registration for this activity is closed.")]
    public async Task OutsideTheWindow_TheFormSaysSo_AndAPostRegistersNobody(int opensInDays, int closesInDays, string message)
    {
        using var factory = new WebFactory(settings: Settings());
        var activity = OpenActivity(a =>
        {
            a.RegistrationOpensAtUtc = Now.AddDays(opensInDays);
            a.RegistrationClosesAtUtc = Now.AddDays(closesInDays);
        });
        await factory.AddAsync(activity);
        var client = factory.CreateBrowserLikeClient();

        var page = await client.GetDocumentAsync($"/activities/{activity.Slug}/register");
        Squash(page.QuerySelector(".registration__closed")!.TextContent).ShouldBe(message);
        page.QuerySelector("form.registration-form").ShouldBeNull();
        var token = await TokenFromAnotherOpenActivityAsync(factory, client);
        using var response = await client.PostRegistrationWithTokenAsync(activity.Slug, Fields(), token);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await factory.RegistrationsAsync(activity.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Capacity_ThenWaitingList_ThenFullWithoutWaitingList()
    {
        using var factory = new WebFactory(settings: Settings());
        var withList = OpenActivity(a => { a.Capacity = 2; a.WaitingListEnabled = true; });
        var withoutList = OpenActivity(a => { a.Capacity = 1; a.WaitingListEnabled = false; });
        await factory.AddAsync(withList, withoutList);
        var client = factory.CreateBrowserLikeClient();

        var outcomes = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            using var r = await client.PostRegistrationAsync(withList.Slug, Fields(email: $"p{i}@example.org"));
            outcomes.Add(r.Headers.Location!.ToString().Split('=')[^1]);
        }

        outcomes.ShouldBe(["Confirmed", "Confirmed", "Waitlisted", "Waitlisted"]);
        var mails = await factory.OutboxAsync();
        mails.Select(m => m.Subject.Split(':')[0]).ShouldBe(["Inscripción confirmada", "Inscripción confirmada", "Está en la lista de espera", "Está en la lista de espera"]);

        using (var first = await client.PostRegistrationAsync(withoutList.Slug, Fields(email: "a@example.org")))
        {
            first.Headers.Location!.ToString().ShouldEndWith("outcome=Confirmed");
        }

        var full = await client.GetDocumentAsync($"/activities/{withoutList.Slug}/register");
        Squash(full.QuerySelector(".registration__closed")!.TextContent).ShouldBe("This activity is full and has no waiting list.");
        (await factory.RegistrationsAsync(withoutList.Id)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task XssPayloads_InEveryField_ComeOutEncoded_InTheMail()
    {
        using var factory = new WebFactory(settings: Settings());
        var activity = OpenActivity();
        await factory.AddAsync(activity);
        var fields = Fields(email: "x@example.org");
        const string payload = "<script>alert('x')</script>\"><img src=x onerror=alert(1)>";
        fields["FullName"] = "Eve " + payload;
        fields["Organisation"] = payload;
        fields["Position"] = payload;

        (await factory.CreateBrowserLikeClient().PostRegistrationAsync(activity.Slug, fields)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var mail = (await factory.OutboxAsync()).ShouldHaveSingleItem();
        mail.BodyHtml!.ShouldNotContain("<script>");
        mail.BodyHtml!.ShouldNotContain("<img");
        mail.BodyHtml!.ShouldContain("Eve &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    }

    internal static async Task<string> TokenFromAnotherOpenActivityAsync(WebFactory factory, HttpClient client)
    {
        var open = OpenActivity();
        await factory.AddAsync(open);
        return await client.FormTokenAsync(open.Slug);
    }

    [Theory]
    [InlineData(true, "Join the waiting list")]
    [InlineData(false, null)]
    public async Task ActivityPage_OnceFull_OffersTheWaitingList_OrSaysItIsFull(bool waitingList, string? fullLabel)
    {
        using var factory = new WebFactory(settings: Settings());
        var activity = OpenActivity(a => { a.Capacity = 1; a.WaitingListEnabled = waitingList; });
        await factory.AddAsync(activity);
        var client = factory.CreateBrowserLikeClient();
        var url = $"/activities/{activity.Slug}";
        Squash((await client.GetDocumentAsync(url)).QuerySelector("#register-link")!.TextContent).ShouldBe("Register for this activity");

        (await client.PostRegistrationAsync(activity.Slug, Fields(email: "first@example.org"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var full = await client.GetDocumentAsync(url);
        if (fullLabel is not null)
        {
            Squash(full.QuerySelector("#register-link")!.TextContent).ShouldBe(fullLabel);
            full.QuerySelector("#registration-full").ShouldBeNull();
        }
        else
        {
            full.QuerySelector("#register-link").ShouldBeNull("nobody can register any more");
            Squash(full.QuerySelector("#registration-full")!.TextContent).ShouldBe("This activity is full and has no waiting list.");
        }
    }
}
