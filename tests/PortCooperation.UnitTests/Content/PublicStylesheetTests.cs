using System.Text.RegularExpressions;

namespace PortCooperation.UnitTests.Content;

/// <summary>
/// The public layout links bootstrap.public.min.css, Bootstrap reduced by tools/purge-css to the classes the public
/// pages can use (ADR 0008). This test reads the same sources the tool reads, with the same token rule, and fails
/// when a Bootstrap class appears in them but not in the reduced file: run tools/purge-css/run.sh.
/// </summary>
public partial class PublicStylesheetTests
{
    private static readonly string Web = FindWebProject();

    [Fact]
    public void ReducedBootstrap_KeepsEverySelectorWhoseClassesThePublicSourcesMention()
    {
        var full = Selectors(File.ReadAllText(Path.Combine(Web, "wwwroot/lib/bootstrap/css/bootstrap.min.css")));
        var reduced = Selectors(File.ReadAllText(Path.Combine(Web, "wwwroot/lib/bootstrap/css/bootstrap.public.min.css")));
        var tokens = SourceTokens();

        full.Count.ShouldBeGreaterThan(1000, "the full Bootstrap stylesheet was read");
        tokens.ShouldContain("container");
        // A selector is needed when every class, element and attribute it names appears in the sources
        // (".btn.btn-primary" needs both classes; "textarea.form-control" needs a textarea too).
        var needed = full.Where(selector => ClassesOf(selector).Count > 0 && NamesOf(selector).All(tokens.Contains)).ToList();
        needed.ShouldContain(".btn-primary", "the public pages use Bootstrap's buttons");
        needed.Except(reduced).ShouldBeEmpty("Bootstrap selectors the public pages can match but bootstrap.public.min.css lacks — run tools/purge-css/run.sh");
        reduced.Count.ShouldBeLessThan(full.Count / 3, "the reduced file keeps only what is used");
    }

    [Fact]
    public void PublicLayout_LinksTheReducedFile_AndStaffLayoutTheFullOne()
    {
        File.ReadAllText(Path.Combine(Web, "Views/Shared/_Layout.cshtml")).ShouldContain("bootstrap.public.min.css");
        File.ReadAllText(Path.Combine(Web, "Areas/Admin/Views/Shared/_StaffLayout.cshtml")).ShouldContain("bootstrap.min.css");
    }

    private static HashSet<string> SourceTokens()
    {
        (string Folder, string Pattern)[] sources =
        [
            ("Views", "*.cshtml"), ("Controllers", "*.cs"), ("Models", "*.cs"), ("Services", "*.cs"),
            ("Infrastructure", "*.cs"), ("TagHelpers", "*.cs"), ("wwwroot/js", "*.js"), ("wwwroot/css", "*.css"),
        ];
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (folder, pattern) in sources)
        {
            var dir = Path.Combine(Web, folder);
            if (!Directory.Exists(dir))
            {
                continue;
            }
            foreach (var file in Directory.EnumerateFiles(dir, pattern, SearchOption.AllDirectories))
            {
                foreach (Match m in Token().Matches(File.ReadAllText(file)))
                {
                    tokens.Add(m.Value);
                }
            }
        }
        return tokens;
    }

    /// <summary>Every selector of every rule (selector lists split at top-level commas), at-rule preludes aside.</summary>
    private static HashSet<string> Selectors(string css)
    {
        css = Comment().Replace(css, "");
        var selectors = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match prelude in Prelude().Matches(css))
        {
            var list = prelude.Groups[1].Value.Trim();
            if (list.StartsWith('@'))
            {
                continue;
            }
            var depth = 0;
            var start = 0;
            for (var i = 0; i <= list.Length; i++)
            {
                if (i == list.Length || (list[i] == ',' && depth == 0))
                {
                    selectors.Add(list[start..i].Trim());
                    start = i + 1;
                }
                else if (list[i] == '(')
                {
                    depth++;
                }
                else if (list[i] == ')')
                {
                    depth--;
                }
            }
        }
        return selectors;
    }

    private static List<string> ClassesOf(string selector) =>
        ClassSelector().Matches(selector).Select(m => m.Groups[1].Value).ToList();

    private static IEnumerable<string> NamesOf(string selector) =>
        ClassesOf(selector)
            .Concat(ElementSelector().Matches(selector).Select(m => m.Groups[1].Value))
            .Concat(AttributeSelector().Matches(selector).Select(m => m.Groups[1].Value));

    private static string FindWebProject()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "PortCooperation.Web");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("src/PortCooperation.Web not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("[A-Za-z0-9_-]+")]
    private static partial Regex Token();

    [GeneratedRegex(@"\.(-?[A-Za-z_][A-Za-z0-9_-]*)")]
    private static partial Regex ClassSelector();

    [GeneratedRegex(@"(?:^|[\s>+~(])([a-z][a-z0-9]*)")]
    private static partial Regex ElementSelector();

    [GeneratedRegex(@"\[([A-Za-z_-][A-Za-z0-9_-]*)")]
    private static partial Regex AttributeSelector();

    [GeneratedRegex(@"([^{}]+)\{")]
    private static partial Regex Prelude();

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comment();
}
