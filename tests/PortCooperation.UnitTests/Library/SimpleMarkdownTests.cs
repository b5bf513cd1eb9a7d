using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using PortCooperation.Web.Services.Library;

namespace PortCooperation.UnitTests.Library;

public sealed partial class SimpleMarkdownTests
{
    [Theory]
    [InlineData("## Scope\n\ntext\n\n## Measures", "h2 h2")]
    [InlineData("## Scope\n### Detail\n## Measures", "h2 h3 h2")]
    [InlineData("# Title\n### Detail", "h2 h3")]
    [InlineData("### Deep only\n##### Deeper", "h2 h3")]
    [InlineData("## A\n#### Skipped one\n##### Deeper", "h2 h3 h4")]
    public void BodyHeadings_StartAtH2_AndNeverSkipALevel(string markdown, string expected)
    {
        var html = SimpleMarkdown.ToHtml(markdown, HtmlEncoder.Default);

        string.Join(' ', OpeningHeading().Matches(html).Select(m => m.Groups[1].Value)).ShouldBe(expected);
    }

    [GeneratedRegex("<(h[1-6])>")]
    private static partial Regex OpeningHeading();
}
