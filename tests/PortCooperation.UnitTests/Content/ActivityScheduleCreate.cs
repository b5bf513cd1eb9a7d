using System.Globalization;
using PortCooperation.Web.Services.Content;

namespace PortCooperation.UnitTests.Content;

/// <remarks>One style per language (DateStyle): months written out, 24-hour times, zones named by a city.</remarks>
public class ActivityScheduleCreate
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    private static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es");

    [Fact]
    public void SameDay_ShowsDateAndTimesInTheActivityZone()
    {
        var start = new DateTime(2020, 5, 6, 15, 0, 0, DateTimeKind.Utc);

        var schedule = ActivitySchedule.Create(start, start.AddHours(2), "America/Mexico_City", false, English);

        schedule.When.ShouldBe("Wednesday 6 May 2020, 10:00 – 12:00");
        schedule.TimeZone.ShouldBe("Mexico City time (UTC\u22125)");
        schedule.WhenWithZone.ShouldBe("Wednesday 6 May 2020, 10:00 – 12:00 Mexico City time (UTC\u22125)");
        schedule.StartIso.ShouldBe("2020-05-06T10:00-05:00");
    }

    [Fact]
    public void SameDay_InSpanish_UsesSpanishDateWords()
    {
        var start = new DateTime(2020, 6, 2, 14, 0, 0, DateTimeKind.Utc);

        var schedule = ActivitySchedule.Create(start, start.AddHours(1), "Europe/Madrid", false, Spanish);

        schedule.When.ShouldBe("martes 2 de junio de 2020, 16:00 – 17:00");
        schedule.TimeZone.ShouldBe("hora de Madrid (UTC+2)");
    }

    [Fact]
    public void SeveralDays_ShowsDatesOnly()
    {
        var schedule = ActivitySchedule.Create(
            new DateTime(2020, 4, 20, 13, 0, 0, DateTimeKind.Utc),
            new DateTime(2020, 5, 15, 22, 0, 0, DateTimeKind.Utc),
            "America/Lima",
            false,
            English);

        schedule.When.ShouldBe("20 April 2020 – 15 May 2020");
        schedule.WhenWithZone.ShouldBe(schedule.When);
        schedule.StartIso.ShouldBe("2020-04-20");
    }

    [Fact]
    public void DateChangesWithTheZone_NotWithUtc()
    {
        // 02:00 UTC on 7 May is still the evening of 6 May in Lima.
        var start = new DateTime(2020, 5, 7, 2, 0, 0, DateTimeKind.Utc);

        var schedule = ActivitySchedule.Create(start, start.AddHours(1), "America/Lima", false, English);

        schedule.When.ShouldStartWith("Wednesday 6 May 2020, 21:00");
    }

    [Fact]
    public void AllDay_ShowsTheDateWithoutTimes()
    {
        var start = new DateTime(2021, 5, 19, 5, 0, 0, DateTimeKind.Utc);

        var schedule = ActivitySchedule.Create(start, start.AddHours(10), "America/Lima", true, English);

        schedule.When.ShouldBe("Wednesday 19 May 2021");
        schedule.StartIso.ShouldBe("2021-05-19");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Mars/Olympus_Mons")]
    public void UnknownZone_FallsBackToUtc_AndSaysSo(string? zone)
    {
        var start = new DateTime(2020, 5, 6, 15, 0, 0, DateTimeKind.Utc);

        var schedule = ActivitySchedule.Create(start, start, zone, false, English);

        schedule.When.ShouldBe("Wednesday 6 May 2020, 15:00");
        schedule.TimeZone.ShouldBe("UTC");
    }

    [Fact]
    public void EndBeforeStart_IsTreatedAsAnInstant()
    {
        var start = new DateTime(2020, 5, 6, 15, 0, 0, DateTimeKind.Utc);

        var schedule = ActivitySchedule.Create(start, start.AddHours(-1), "UTC", false, English);

        schedule.When.ShouldBe("Wednesday 6 May 2020, 15:00");
        schedule.TimeZone.ShouldBe("UTC");
        schedule.WhenWithZone.ShouldBe("Wednesday 6 May 2020, 15:00 UTC");
    }

    [Theory]
    [InlineData(0, 0, "UTC")]
    [InlineData(-5, 0, "UTC\u22125")]
    [InlineData(5, 30, "UTC+5:30")]
    [InlineData(-3, -30, "UTC\u22123:30")]
    [InlineData(10, 0, "UTC+10")]
    public void Offsets_AreWrittenTheSameInEveryLanguage(int hours, int minutes, string expected)
    {
        DateStyle.Offset(new TimeSpan(hours, minutes, 0)).ShouldBe(expected);
    }

    [Theory]
    [InlineData("en", "Thursday 17 December 2026, 11:00 New York time (UTC\u22125)")]
    [InlineData("es", "jueves 17 de diciembre de 2026, 11:00 hora de Nueva York (UTC\u22125)")]
    public void AMoment_ReadsTheSameWayInEachLanguage_WithItsZoneNamedForPeople(string language, string expected) =>
        DateStyle.DateTime(new DateTime(2026, 12, 17, 16, 0, 0, DateTimeKind.Utc), "America/New_York", CultureInfo.GetCultureInfo(language)).ShouldBe(expected);

    [Theory]
    [InlineData("Asia/Kolkata", "en", "Kolkata time (UTC+5:30)")]
    [InlineData("America/Argentina/Cordoba", "es", "hora de Cordoba (UTC\u22123)")]
    [InlineData("America/Port_of_Spain", "es", "hora de Puerto España (UTC\u22124)")]
    public void AZoneOutsideTheList_IsNamedByItsExemplarCity(string zone, string language, string expected) =>
        DateStyle.Zone(TimeZoneInfo.FindSystemTimeZoneById(zone), new DateTime(2026, 12, 17, 16, 0, 0, DateTimeKind.Utc), CultureInfo.GetCultureInfo(language)).ShouldBe(expected);
}
