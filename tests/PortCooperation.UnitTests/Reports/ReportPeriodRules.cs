using PortCooperation.Web.Services.Reports;

namespace PortCooperation.UnitTests.Reports;

public class ReportPeriodRules
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 1)]
    [InlineData(4, 2)]
    [InlineData(6, 2)]
    [InlineData(7, 3)]
    [InlineData(9, 3)]
    [InlineData(10, 4)]
    [InlineData(12, 4)]
    public void QuarterOf_AMonth(int month, int quarter) =>
        ReportPeriod.QuarterOf(new DateOnly(2020, month, 15)).ShouldBe(quarter);

    [Theory]
    [InlineData("2020-07-01", "2020-04-01", "2020-06-30")]
    [InlineData("2020-09-30", "2020-04-01", "2020-06-30")]
    [InlineData("2020-01-01", "2019-10-01", "2019-12-31")]
    [InlineData("2020-03-31", "2019-10-01", "2019-12-31")]
    public void LastCompleteQuarter_IsTheOneBeforeToday(string today, string from, string to) =>
        ReportPeriod.LastCompleteQuarter(DateOnly.Parse(today)).ShouldBe(new ReportPeriod(DateOnly.Parse(from), DateOnly.Parse(to)));

    [Fact]
    public void Today_IsTheSecretariatsDay()
    {
        // 03:00 UTC on 1 July is still 30 June in Washington, D.C.
        ReportPeriod.Today(new DateTime(2020, 7, 1, 3, 0, 0, DateTimeKind.Utc)).ShouldBe(new DateOnly(2020, 6, 30));
        ReportPeriod.Today(new DateTime(2020, 7, 1, 5, 0, 0, DateTimeKind.Utc)).ShouldBe(new DateOnly(2020, 7, 1));
    }

    [Fact]
    public void AQuarter_StepsByQuarters_AcrossTheYear()
    {
        var first = ReportPeriod.Quarter(2020, 1);

        first.ShouldBe(new ReportPeriod(new DateOnly(2020, 1, 1), new DateOnly(2020, 3, 31)));
        first.IsQuarter.ShouldBeTrue();
        first.QuarterNumber.ShouldBe(1);
        first.Previous.ShouldBe(ReportPeriod.Quarter(2019, 4));
        ReportPeriod.Quarter(2019, 4).Next.ShouldBe(first);
    }

    [Fact]
    public void AYear_StepsByYears()
    {
        var year = ReportPeriod.Year(2020);

        year.IsYear.ShouldBeTrue();
        year.IsQuarter.ShouldBeFalse();
        year.Previous.ShouldBe(ReportPeriod.Year(2019));
        year.Next.ShouldBe(ReportPeriod.Year(2021));
    }

    [Fact]
    public void ThreeMonthsNotOnAQuarter_AreNoQuarter_ButStepByThreeMonths()
    {
        var period = new ReportPeriod(new DateOnly(2020, 2, 1), new DateOnly(2020, 4, 30));

        period.IsQuarter.ShouldBeFalse();
        period.Previous.ShouldBe(new ReportPeriod(new DateOnly(2019, 11, 1), new DateOnly(2020, 1, 31)));
    }

    [Fact]
    public void ARangeOfDays_StepsByItsDays()
    {
        var period = new ReportPeriod(new DateOnly(2020, 4, 10), new DateOnly(2020, 4, 19));

        period.Months.ShouldBeNull();
        period.Previous.ShouldBe(new ReportPeriod(new DateOnly(2020, 3, 31), new DateOnly(2020, 4, 9)));
    }

    [Theory]
    [InlineData("en", "Q2 2020")]
    [InlineData("es", "T2 2020")]
    public void AQuarter_IsNamedByItsNumber(string language, string label) =>
        ReportPeriod.Quarter(2020, 2).ShortLabel(System.Globalization.CultureInfo.GetCultureInfo(language)).ShouldBe(label);
}
