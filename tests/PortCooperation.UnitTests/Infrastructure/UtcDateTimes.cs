using PortCooperation.Web.Data;

namespace PortCooperation.UnitTests.Infrastructure;

public class UtcDateTimes
{
    private readonly UtcDateTimeConverter _converter = new();

    [Fact]
    public void ValuesReadBack_AreMarkedUtc()
    {
        var stored = new DateTime(2020, 5, 6, 15, 0, 0, DateTimeKind.Unspecified);
        var read = (DateTime)_converter.ConvertFromProvider(stored)!;
        read.Kind.ShouldBe(DateTimeKind.Utc);
        read.Ticks.ShouldBe(stored.Ticks);
    }

    [Fact]
    public void LocalValuesWritten_AreConvertedToUtc()
    {
        var local = new DateTime(2020, 5, 6, 15, 0, 0, DateTimeKind.Local);
        var written = (DateTime)_converter.ConvertToProvider(local)!;

        // DateTime equality ignores the kind, and on a machine running on UTC the ticks do not move: the kind is the proof.
        written.Kind.ShouldBe(DateTimeKind.Utc);
        written.Ticks.ShouldBe(local.ToUniversalTime().Ticks);
    }
}
