using System.Text.Json;
using Microsoft.Playwright;

namespace PortCooperation.BrowserTests.Infrastructure;

/// <summary>Runs the vendored axe-core (assets/axe.min.js) in a page for the WCAG 2.2 A/AA rules (docs/quality.md A1).</summary>
public static class Axe
{
    private static readonly Lazy<string> Script = new(() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "assets", "axe.min.js")));

    /// <summary>The violations as "rule: target, target" lines; empty when the page passes.</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Content = Script.Value });
        var json = await page.EvaluateAsync<string>(
            """
            async () => {
              const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
              return JSON.stringify(result.violations.map(v => ({ id: v.id, targets: v.nodes.map(n => n.target.join(' ')) })));
            }
            """);
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(v =>
            $"{v.GetProperty("id").GetString()}: {string.Join(", ", v.GetProperty("targets").EnumerateArray().Select(t => t.GetString()))}")];
    }
}
