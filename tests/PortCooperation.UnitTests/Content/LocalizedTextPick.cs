using System.Globalization;
using PortCooperation.Web.Services.Content;

namespace PortCooperation.UnitTests.Content;

public class LocalizedTextPick
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    private static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es");

    [Fact]
    public void ReaderLanguagePresent_IsUsed_WithoutFallback()
    {
        LocalizedText.Pick("Smart ports", "Puertos inteligentes", Spanish)
            .ShouldBe(new LocalizedText("Puertos inteligentes", "es", false));
        LocalizedText.Pick("Smart ports", "Puertos inteligentes", English)
            .ShouldBe(new LocalizedText("Smart ports", "en", false));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void SpanishMissing_FallsBackToEnglish_Marked(string? spanish)
    {
        LocalizedText.Pick("Smart ports", spanish, Spanish)
            .ShouldBe(new LocalizedText("Smart ports", "en", true));
    }

    [Fact]
    public void EnglishMissing_FallsBackToSpanish_Marked()
    {
        LocalizedText.Pick(null, "Puertos inteligentes", English)
            .ShouldBe(new LocalizedText("Puertos inteligentes", "es", true));
    }

    [Fact]
    public void BothMissing_IsEmpty_AndNotAFallback()
    {
        var text = LocalizedText.Pick(" ", null, Spanish);

        text.IsEmpty.ShouldBeTrue();
        text.IsFallback.ShouldBeFalse();
    }

    [Fact]
    public void RegionalCultures_CountAsTheirLanguage()
    {
        LocalizedText.Pick("Port", "Puerto", CultureInfo.GetCultureInfo("es-MX")).Text.ShouldBe("Puerto");
        LocalizedText.Pick("Port", "Puerto", CultureInfo.GetCultureInfo("en-JM")).Text.ShouldBe("Port");
    }

    [Fact]
    public void WithoutCulture_UsesTheCurrentUiCulture()
    {
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = Spanish;
            LocalizedText.Pick("Port", "Puerto").Text.ShouldBe("Puerto");
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    [Fact]
    public void Text_IsTrimmed()
    {
        LocalizedText.Pick("  Port  ", null, English).Text.ShouldBe("Port");
    }
}
