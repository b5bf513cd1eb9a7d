using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Reports;

namespace PortCooperation.UnitTests.Reports;

public class ReportQueryParse
{
    private static readonly DateOnly Today = new(2020, 8, 15);

    private static readonly ReportScopeChoices Offered = new(["PE", "JM"], [12], [3]);

    [Fact]
    public void NothingAsked_IsTheLastCompleteQuarter()
    {
        ReportQuery.ParsePeriod(null, null, null, null, null, Today, out var error).ShouldBe(ReportPeriod.Quarter(2020, 2));
        error.ShouldBeNull();
    }

    [Fact]
    public void AQuarterWithoutYear_IsInTheLastCompleteQuartersYear() =>
        ReportQuery.ParsePeriod("quarter", null, 4, null, null, Today, out _).ShouldBe(ReportPeriod.Quarter(2020, 4));

    [Fact]
    public void AYear_IsTheWholeYear() =>
        ReportQuery.ParsePeriod("year", 2019, null, null, null, Today, out _).ShouldBe(ReportPeriod.Year(2019));

    [Fact]
    public void ACustomRange_IsItsDates() =>
        ReportQuery.ParsePeriod("custom", null, null, new DateOnly(2020, 4, 10), new DateOnly(2020, 5, 15), Today, out _)
            .ShouldBe(new ReportPeriod(new DateOnly(2020, 4, 10), new DateOnly(2020, 5, 15)));

    [Theory]
    [InlineData("quarter", 2020, 5, null, null, "Report_Error_Quarter")]
    [InlineData("quarter", 1800, 1, null, null, "Report_Error_Quarter")]
    [InlineData("year", 2200, null, null, null, "Report_Error_Year")]
    [InlineData("custom", null, null, "2020-05-15", "2020-04-10", "Report_Error_Range")]
    [InlineData("custom", null, null, "2020-05-15", null, "Report_Error_Range")]
    [InlineData("decade", null, null, null, null, "Report_Error_Period")]
    public void AMalformedPeriod_NamesItsProblem(string kind, int? year, int? quarter, string? from, string? to, string expected)
    {
        ReportQuery.ParsePeriod(kind, year, quarter, from is null ? null : DateOnly.Parse(from), to is null ? null : DateOnly.Parse(to), Today, out var error)
            .ShouldBeNull();
        error.ShouldBe(expected);
    }

    [Fact]
    public void NoScope_IsEverything()
    {
        ReportQuery.ParseScope(null, null, null, null, null, Offered).ShouldBe(ReportScope.Everything);
        ReportQuery.ParseScope("all", Region.Caribbean, "PE", 12, 3, Offered).ShouldBe(ReportScope.Everything);
    }

    [Fact]
    public void AMemberState_IsMatchedWhateverItsCase() =>
        ReportQuery.ParseScope("state", null, "pe", null, null, Offered).ShouldBe(new ReportScope(CountryCode: "PE"));

    [Theory]
    [InlineData("state", null, "XX", null, null)]
    [InlineData("state", null, null, null, null)]
    [InlineData("region", Region.Europe, null, null, null)]
    [InlineData("region", null, null, null, null)]
    [InlineData("partner", null, null, 99, null)]
    [InlineData("programme", null, null, null, 99)]
    [InlineData("planet", null, null, null, null)]
    public void AScopeNotOnOffer_IsRefused(string kind, Region? region, string? state, int? partner, int? programme) =>
        ReportQuery.ParseScope(kind, region, state, partner, programme, Offered).ShouldBeNull();

    public static TheoryData<ReportScope> Scopes => new()
    {
        ReportScope.Everything,
        new ReportScope(Region.Caribbean),
        new ReportScope(CountryCode: "JM"),
        new ReportScope(PartnerId: 12),
        new ReportScope(ProgrammeId: 3),
    };

    [Theory]
    [MemberData(nameof(Scopes))]
    public void TheValuesWritten_ReadBackAsTheSameReport(ReportScope scope)
    {
        var period = ReportPeriod.Quarter(2020, 2);
        foreach (var asQuarter in new[] { false, true })
        {
            var values = ReportQuery.Values(period, scope, asQuarter);
            DateOnly? Date(string key) => values.TryGetValue(key, out var v) && v is not null ? DateOnly.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : null;
            int? Number(string key) => values.TryGetValue(key, out var v) && v is not null ? int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : null;

            ReportQuery.ParsePeriod(values["period"], Number("periodYear"), Number("periodQuarter"), Date("from"), Date("to"), Today, out _).ShouldBe(period);
            ReportQuery.ParseScope(values["scope"], values["region"] is { } r ? Enum.Parse<Region>(r) : null, values["state"], Number("partner"), Number("programme"), Offered)
                .ShouldBe(scope);
        }
    }

    [Fact]
    public void AQuartersLink_ReadsAsTheQuarter() =>
        ReportQuery.QueryString(ReportQuery.Values(ReportPeriod.Quarter(2020, 2), new ReportScope(CountryCode: "PE"), asQuarter: true))
            .ShouldBe("period=quarter&periodYear=2020&periodQuarter=2&scope=state&state=PE");

    [Fact]
    public void AReportsLinks_GiveItsDates() =>
        ReportQuery.QueryString(ReportQuery.Values(ReportPeriod.Quarter(2020, 2), new ReportScope(Region.Caribbean)))
            .ShouldBe("period=custom&from=2020-04-01&to=2020-06-30&scope=region&region=Caribbean");
}
