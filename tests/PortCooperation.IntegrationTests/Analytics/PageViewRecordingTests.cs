using System.Net;
using Microsoft.EntityFrameworkCore;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Analytics;

namespace PortCooperation.IntegrationTests.Analytics;

/// <summary>First-party analytics: what is recorded for a page request, and what never is.</summary>
public sealed class PageViewRecordingTests : IDisposable
{
    private const string Address = "203.0.113.77";
    private readonly AnalyticsFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task NoColumnOfAnyPageView_HoldsTheClientAddress()
    {
        using var visitor = _app.Visitor(Address);
        visitor.DefaultRequestHeaders.Add("CF-IPCountry", "pe");
        visitor.DefaultRequestHeaders.Referrer = new Uri("https://www.example.org/news?id=4");
        (await visitor.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await visitor.GetAsync("/statistics")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await _app.FlushAsync()).ShouldBe(2);

        var cells = await _app.WithDbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT * FROM \"PageViews\"";
            await using var reader = await command.ExecuteReaderAsync();
            var values = new List<string>();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    values.Add(reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!);
                }
            }

            return values;
        });
        cells.Count.ShouldBeGreaterThan(20, "two rows of eleven columns were read");
        cells.ShouldNotContain(c => c.Contains(Address, StringComparison.Ordinal) || c.Contains("203.0.113", StringComparison.Ordinal));
        var view = await _app.WithDbAsync(db => db.PageViews.OrderBy(v => v.Id).FirstAsync());
        view.Path.ShouldBe("/");
        view.CountryCode.ShouldBe("PE");
        view.ReferrerHost.ShouldBe("www.example.org");
        view.VisitorKey.Length.ShouldBe(32);
        view.VisitorKind.ShouldBe(VisitorKind.Unknown);
        view.Day.ShouldBe(new DateOnly(2032, 3, 10));
    }

    [Fact]
    public async Task BotsRequestsWithoutUserAgent_DoNotTrack_AndGlobalPrivacyControl_AreNotRecorded()
    {
        using (var bot = _app.CreateClient())
        {
            bot.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)");
            (await bot.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using (var noAgent = _app.CreateClient())
        {
            (await noAgent.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using (var dnt = _app.Visitor(Address))
        {
            dnt.DefaultRequestHeaders.Add("DNT", "1");
            (await dnt.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using (var gpc = _app.Visitor(Address))
        {
            gpc.DefaultRequestHeaders.Add("Sec-GPC", "1");
            (await gpc.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using (var person = _app.Visitor(Address))
        {
            // Not pages: a 404, a feed-like/JSON answer, a static file, the health check.
            await person.GetAsync("/no-such-page");
            await person.GetAsync("/openapi/v1.json");
            await person.GetAsync("/css/site.css");
            await person.GetAsync("/health");
            (await _app.FlushAsync()).ShouldBe(0);

            // The same browser without the signals is counted: the test can fail.
            (await person.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await _app.FlushAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task PageServedFromTheOutputCache_IsCounted_WithoutAnySqlOnTheRequest()
    {
        using var visitor = _app.Visitor(Address);
        (await visitor.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
        _app.SqlCommands.Reset();

        (await visitor.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);

        _app.SqlCommands.Count.ShouldBe(0, "a cached page sends no SQL, and recording a view only queues it");
        (await _app.FlushAsync()).ShouldBe(2);
        (await _app.PageViewCountAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task SameAddressAndBrowser_IsOneVisitorPerDay_AndSessionsEndAfterThirtyMinutes()
    {
        using var visitor = _app.Visitor(Address);
        await visitor.GetAsync("/");
        _app.Clock.Advance(TimeSpan.FromMinutes(20));
        await visitor.GetAsync("/statistics");
        await _app.FlushAsync();
        _app.Clock.Advance(TimeSpan.FromMinutes(31));
        await visitor.GetAsync("/");
        using (var other = _app.Visitor("198.51.100.9"))
        {
            await other.GetAsync("/");
        }

        await _app.FlushAsync();

        var views = await _app.WithDbAsync(db => db.PageViews.OrderBy(v => v.Id).ToListAsync());
        views.Count.ShouldBe(4);
        views[0].VisitorKey.ShouldBe(views[1].VisitorKey);
        views[0].VisitorKey.ShouldBe(views[2].VisitorKey);
        views[3].VisitorKey.ShouldNotBe(views[0].VisitorKey);
        views[0].SessionKey.ShouldBe(views[1].SessionKey, "20 minutes apart: the same visit");
        views[2].SessionKey.ShouldNotBe(views[1].SessionKey, "31 minutes without a view: a new visit");
    }

    [Fact]
    public async Task DailySalt_Rotates_AndOldSaltsAreDeleted()
    {
        using var visitor = _app.Visitor(Address);
        var keys = new List<string>();
        for (var day = 0; day < 3; day++)
        {
            await visitor.GetAsync("/");
            await _app.FlushAsync();
            keys.Add(await _app.WithDbAsync(db => db.PageViews.OrderByDescending(v => v.Id).Select(v => v.VisitorKey).FirstAsync()));
            _app.Clock.Advance(TimeSpan.FromDays(1));
        }

        keys.Distinct().Count().ShouldBe(3, "the same address and browser get a new key every day");
        var salts = await _app.WithDbAsync(db => db.AnalyticsSalts.Select(s => s.Day).OrderBy(d => d).ToListAsync());
        salts.ShouldBe([new DateOnly(2032, 3, 11), new DateOnly(2032, 3, 12)], "salts older than yesterday are deleted");
    }

    [Fact]
    public async Task ConsentCookie_IsSetOnlyByTheVisitorsChoice_AndMakesNewThenReturning()
    {
        using var visitor = _app.Visitor(Address);
        using (var page = await visitor.GetAsync("/"))
        {
            page.Headers.Contains("Set-Cookie").ShouldBeFalse("a page never sets a cookie by itself");
        }

        var notice = await visitor.GetStringAsync("/analytics/consent/notice?returnUrl=%2Fstatistics");
        notice.ShouldContain("data-consent-notice");
        var token = System.Text.RegularExpressions.Regex.Match(notice, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        token.ShouldNotBeEmpty();
        using var choice = await visitor.PostAsync("/analytics/consent", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["choice"] = "accept", ["returnUrl"] = "/statistics", ["__RequestVerificationToken"] = token,
        }));
        choice.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        choice.Headers.Location!.OriginalString.ShouldBe("/statistics");
        var cookie = choice.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(AnalyticsConsent.CookieName + "=", StringComparison.Ordinal));
        cookie.ShouldStartWith("pc_analytics=yes.2032-03-10");

        using (var consented = _app.Visitor(Address, "yes.2032-03-10"))
        {
            await consented.GetAsync("/");
        }

        _app.Clock.Advance(TimeSpan.FromDays(1));
        using (var back = _app.Visitor(Address, "yes.2032-03-10"))
        {
            await back.GetAsync("/");
        }

        using (var declined = _app.Visitor(Address, "no"))
        {
            await declined.GetAsync("/");
        }

        await _app.FlushAsync();
        var kinds = await _app.WithDbAsync(db => db.PageViews.OrderBy(v => v.Id).Select(v => v.VisitorKind).ToListAsync());
        kinds.ShouldBe([VisitorKind.Unknown, VisitorKind.New, VisitorKind.Returning, VisitorKind.Unknown]);
    }

    [Fact]
    public async Task Country_FromAnOperatorCsv_WhenNoHeader()
    {
        var csv = Path.Combine(_app.DataDirectory, "ip-country.csv");
        await File.WriteAllLinesAsync(csv, ["203.0.113.0,203.0.113.255,UY", "3325256704,3325256959,AR", "2001:db8::,2001:db8::ffff,CL"]);
        using var app = new AnalyticsFactory(new Dictionary<string, string?> { ["Analytics:IpCountryCsv"] = csv, ["Analytics:CountryHeader"] = "" });
        foreach (var address in new[] { Address, "198.51.100.20", "2001:db8::5", "192.0.2.1" })
        {
            using var visitor = app.Visitor(address);
            await visitor.GetAsync("/");
        }

        await app.FlushAsync();
        var countries = await app.WithDbAsync(db => db.PageViews.OrderBy(v => v.Id).Select(v => v.CountryCode).ToListAsync());
        countries.ShouldBe(["UY", "AR", "CL", null]);
    }
}
