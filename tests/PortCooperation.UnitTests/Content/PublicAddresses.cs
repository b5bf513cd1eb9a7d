using PortCooperation.Web.Data.Seeding;
using PortCooperation.Web.Infrastructure;
using PortCooperation.Web.Services.Staff;

namespace PortCooperation.UnitTests.Content;

/// <summary>The rules behind public addresses: slugs made from titles, and where a language switch may send a visitor.</summary>
public class PublicAddresses
{
    [Theory]
    [InlineData("MX Lázaro Cárdenas", "mx-lazaro-cardenas")]
    [InlineData("  Protocolos COVID-19: guía  ", "protocolos-covid-19-guia")]
    [InlineData("Año 2024 — Señales & Puertos!", "ano-2024-senales-puertos")]
    [InlineData("already-a-slug", "already-a-slug")]
    [InlineData("a   b", "a-b")]
    [InlineData("¿¡!?", "")]
    [InlineData("北京 port", "port")]
    public void Slug_IsAsciiLettersAndDigits_JoinedBySingleHyphens(string title, string slug) =>
        SeedText.Slug(title).ShouldBe(slug);

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("   ", null)]
    [InlineData("  Callao ", "Callao")]
    public void Clean_TrimsText_AndTurnsBlankIntoNothing(string? typed, string? kept) =>
        StaffInput.Clean(typed).ShouldBe(kept);

    [Theory]
    [InlineData(null, "/")]
    [InlineData("", "/")]
    [InlineData("/library", "/library")]
    [InlineData("/library?q=port&page=2", "/library?q=port&page=2")]
    [InlineData("/library?culture=es&q=port", "/library?q=port")]
    [InlineData("/library?UI-Culture=en", "/library")]
    public void SafeReturnUrl_KeepsLocalAddresses_WithoutACultureOverride(string? returnUrl, string expected) =>
        LocalizationCookie.SafeReturnUrl(returnUrl, _ => true).ShouldBe(expected);

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    public void SafeReturnUrl_SendsHome_WhenTheAddressIsNotLocal(string returnUrl) =>
        LocalizationCookie.SafeReturnUrl(returnUrl, url => url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)).ShouldBe("/");
}
