using System.Net;
using AngleSharp.Dom;
using PortCooperation.IntegrationTests.Web;
using static PortCooperation.IntegrationTests.Places.PlacesTestData;
using static PortCooperation.IntegrationTests.Web.WebTestData;

namespace PortCooperation.IntegrationTests.Places;

public sealed class PortNetworkTests
{
    private static readonly Dictionary<string, string?> DemoDataOn = new() { ["Database:SeedDemoData"] = "true" };

    private static string Figure(IElement programme, string name) =>
        programme.QuerySelector($"[data-figure='{name}']")!.TextContent.Trim();

    [Fact]
    public async Task SeededNetwork_Reads21PortSystemsIn12Countries_15InPhasesIAndII_6InPhaseIII()
    {
        using var factory = new WebFactory(settings: DemoDataOn);

        var page = await factory.CreateClient().GetDocumentAsync("/port-network");

        var programme = page.QuerySelector("#programme-digital-collaborative-ports-network")!;
        Squash(programme.QuerySelector("h2")!.TextContent).ShouldBe("Digital and Collaborative Ports Network Programme");
        Figure(programme, "port-systems").ShouldBe("21");
        Figure(programme, "phase-1").ShouldBe("15");
        Figure(programme, "phase-2").ShouldBe("6");
        Squash(programme.QuerySelector(".network-summary")!.TextContent).ShouldContain("in 12 countries");
        var phaseOne = programme.QuerySelectorAll("#programme-digital-collaborative-ports-network-phase-1-countries > li").ToList();
        var phaseThree = programme.QuerySelectorAll("#programme-digital-collaborative-ports-network-phase-2-countries > li").ToList();
        phaseOne.SelectMany(c => c.QuerySelectorAll(".network-port__name")).Count().ShouldBe(15);
        phaseThree.SelectMany(c => c.QuerySelectorAll(".network-port__name")).Count().ShouldBe(6);
        phaseOne.Select(c => Squash(c.QuerySelector(".network-country__name")!.TextContent)).ShouldBe(
            ["Chile", "Colombia", "Costa Rica", "Ecuador", "Mexico", "Panama", "Peru", "Trinidad and Tobago", "Uruguay"]);
        phaseThree.Select(c => Squash(c.QuerySelector(".network-country__name")!.TextContent)).ShouldBe(
            ["Argentina", "Brazil", "Colombia", "Jamaica", "Mexico", "Trinidad and Tobago"]);
        Squash(phaseOne.Single(c => c.TextContent.Contains("Mexico")).QuerySelector(".network-country__ports")!.TextContent)
            .ShouldBe("Altamira UN/LOCODE MXATM Manzanillo UN/LOCODE MXZLO Veracruz UN/LOCODE MXVER");
        var rows = programme.QuerySelectorAll("table tbody tr").Select(r => Squash(r.TextContent)).ToList();
        rows.Count.ShouldBe(12);
        rows[0].ShouldBe("Mexico 3 1 4");
        Squash(programme.QuerySelector("table tfoot tr")!.TextContent).ShouldBe("12 countries 15 6 21");
        programme.QuerySelector("a[href='/member-states/mx']").ShouldNotBeNull();
        programme.QuerySelector("a[href='/partners/sela']").ShouldNotBeNull();
    }

    [Fact]
    public async Task SeededNetwork_InSpanish()
    {
        using var factory = new WebFactory(settings: DemoDataOn);

        var page = await factory.CreateClient().GetDocumentAsync("/port-network?culture=es");

        Squash(page.QuerySelector("h1")!.TextContent).ShouldBe("Red portuaria");
        var programme = page.QuerySelector("#programme-digital-collaborative-ports-network")!;
        Squash(programme.QuerySelector("h2")!.TextContent).ShouldBe("Programa Red de Puertos Digitales y Colaborativos");
        Squash(programme.QuerySelector(".network-summary")!.TextContent).ShouldContain("en 12 países");
        Squash(programme.QuerySelector(".network-phase__title")!.TextContent).ShouldBe("Fase I–II 2014–2016 15 sistemas portuarios en 9 países");
        programme.QuerySelectorAll("#programme-digital-collaborative-ports-network-phase-1-countries .network-country__name")
            .Select(e => Squash(e.TextContent)).ShouldContain("Perú");
    }

    [Fact]
    public async Task MissingSpanishDescription_ShowsTheEnglishOneMarked()
    {
        using var factory = new WebFactory();
        var peru = await factory.CountryByCodeAsync("PE");
        var programme = NewProgramme("Green ports", null, out var first, out _);
        programme.DescriptionEn = "Cleaner ports for the region.";
        programme.Join(first, "Callao", peru);
        await factory.AddAsync(programme);

        var page = await factory.CreateClient().GetDocumentAsync("/port-network?culture=es");

        var section = page.QuerySelector($"#programme-{programme.Slug}")!;
        section.QuerySelector("h2 span[lang=en]")!.TextContent.ShouldBe("Green ports");
        Squash(section.QuerySelector("h2 .fallback-marker")!.TextContent).ShouldBe("(en inglés)");
        section.QuerySelector(".network-programme__description span[lang=en]")!.TextContent.ShouldBe("Cleaner ports for the region.");
        Squash(section.QuerySelector($"#programme-{programme.Slug}-phase-2")!.ParentElement!.QuerySelector(".empty-state")!.TextContent)
            .ShouldBe("Ningún sistema portuario se sumó en esta fase.");
    }

    [Fact]
    public async Task WithoutProgrammes_ShowsAnEmptyState()
    {
        using var factory = new WebFactory();

        var page = await factory.CreateClient().GetDocumentAsync("/port-network");

        Squash(page.QuerySelector(".empty-state")!.TextContent).ShouldBe("No programme is on record yet.");
        page.QuerySelectorAll("h1").Length.ShouldBe(1);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(1_000)]
    public async Task NeedsAtMostThreeSqlCommands_WhateverTheNumberOfPortSystems(int rows)
    {
        using var factory = new WebFactory();
        var peru = await factory.CountryByCodeAsync("PE");
        var chile = await factory.CountryByCodeAsync("CL");
        var programme = NewProgramme("Programme A", null, out var first, out var third);
        var other = NewProgramme("Programme B", null, out var otherFirst, out _);
        for (var i = 0; i < rows; i++)
        {
            programme.Join(i % 3 == 0 ? third : first, $"Port {i}", i % 2 == 0 ? peru : chile);
            other.Join(otherFirst, $"Other port {i}", chile);
        }

        await factory.AddAsync(programme, other);
        var client = factory.CreateClient();
        (await client.GetAsync("/port-network?warm-up=1")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await factory.CountSqlAsync(client, "/port-network")).ShouldBe(2);
    }

    [Fact]
    public async Task IsServedFromTheOutputCache_UntilTheNetworkChanges()
    {
        using var factory = new WebFactory();
        var peru = await factory.CountryByCodeAsync("PE");
        var client = factory.CreateClient();
        (await client.GetDocumentAsync("/port-network")).QuerySelector(".network-programme").ShouldBeNull();
        factory.SqlCommands.Reset();
        (await client.GetDocumentAsync("/port-network")).QuerySelector(".network-programme").ShouldBeNull();
        factory.SqlCommands.Count.ShouldBe(0);

        var programme = NewProgramme("New programme", "Nuevo programa", out var first, out _);
        programme.Join(first, "Callao", peru);
        await factory.AddAsync(programme);

        (await client.GetDocumentAsync("/port-network")).QuerySelectorAll(".network-programme").Length.ShouldBe(1);
    }
}
