using System.Globalization;
using PortCooperation.Web.Services.Content;

namespace PortCooperation.UnitTests.Content;

/// <remarks>ICU puts a narrow no-break space (U+202F) before AM/PM, so a time never wraps from its suffix.</remarks>
public class ActivityScheduleCreate
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    private static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es");

    [Fact]
    public void SameDay_ShowsDateAndTimesInTheActivityZone()
    {
        var start = new DateTime(2020, 5, 6, 15, 0, 0, DateTimeKind.Utc);

        var schedule = ActivitySchedule.Create(start, start.AddHours(2), "America/Mexico_City", false, English);

        schedule.When.ShouldBe("Wednesday, May 6, 2020, 10:00\u202FAM – 12:00\u202FPM");
        schedule.TimeZone.ShouldBe("America/Mexico_City (UTC-05:00)");
        schedule.StartIso.ShouldBe("2020-05-06T10:00-05:00");
    }

    [Fact]
    public void SameDay_InSpanish_UsesSpanishDateWords()
    {
        var start = new DateTime(2020, 6, 2, 14, 0, 0, DateTimeKind.Utc);

        var schedule = ActivitySchedule.Create(start, start.AddHours(1), "Europe/Madrid", false, Spanish);

        schedule.When.ShouldBe("martes, 2 de junio de 2020, 16:00 – 17:00");
        schedule.TimeZone.ShouldBe("Europe/Madrid (UTC+02:00)");
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

        schedule.When.ShouldBe("20 Apr 2020 – 15 May 2020");
        schedule.StartIso.ShouldBe("2020-04-20");
    }

    [Fact]
    public void DateChangesWithTheZone_NotWithUtc()
    {
        // 02:00 UTC on 7 May is still the evening of 6 May in Lima.
        var start = new DateTime(2020, 5, 7, 2, 0, 0, DateTimeKind.Utc);

        var schedule = ActivitySchedule.Create(start, start.AddHours(1), "America/Lima", false, English);

        schedule.When.ShouldStartWith("Wednesday, May 6, 2020, 9:00\u202FPM");
    }

    [Fact]
    public void AllDay_ShowsTheDateWithoutTimes()
    {
        var start = new DateTime(2021, 5, 19, 5, 0, 0, DateTimeKind.Utc);

        var schedule = ActivitySchedule.Create(start, start.AddHours(10), "America/Lima", true, English);

        schedule.When.ShouldBe("Wednesday, May 19, 2021");
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

        schedule.When.ShouldBe("Wednesday, May 6, 2020, 3:00\u202FPM");
        schedule.TimeZone.ShouldBe("UTC");
    }

    [Fact]
    public void EndBeforeStart_IsTreatedAsAnInstant()
    {
        var start = new DateTime(2020, 5, 6, 15, 0, 0, DateTimeKind.Utc);

        var schedule = ActivitySchedule.Create(start, start.AddHours(-1), "UTC", false, English);

        schedule.When.ShouldBe("Wednesday, May 6, 2020, 3:00\u202FPM");
        schedule.TimeZone.ShouldBe("UTC");
    }

    [Theory]
    [InlineData(0, 0, "UTC")]
    [InlineData(-5, 0, "UTC-05:00")]
    [InlineData(5, 30, "UTC+05:30")]
    [InlineData(-3, -30, "UTC-03:30")]
    public void Offsets_AreWrittenTheSameInEveryLanguage(int hours, int minutes, string expected)
    {
        ActivitySchedule.FormatOffset(new TimeSpan(hours, minutes, 0)).ShouldBe(expected);
    }
}
