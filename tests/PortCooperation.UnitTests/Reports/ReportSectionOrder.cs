using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PortCooperation.Web.Resources;
using PortCooperation.Web.Services.Mail;
using PortCooperation.Web.Services.Reports;

namespace PortCooperation.UnitTests.Reports;

/// <summary>The screen walks <see cref="ExecutiveReport.Sections"/>; the Word document, the CSV and the mail list the same sections in the same order.</summary>
public sealed class ReportSectionOrder : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;
    private readonly StringLocalizer<SharedResource> _text =
        new StringLocalizer<SharedResource>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    public ReportSectionOrder()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
    }

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }

    /// <summary>A report with one figure in every section.</summary>
    private static ExecutiveReport Report() => new()
    {
        Period = ReportPeriod.Quarter(2020, 2),
        Scope = ReportScope.Everything,
        GeneratedAtUtc = new DateTime(2020, 7, 2, 12, 0, 0, DateTimeKind.Utc),
        Scholarships = [new Figure("scholarships.count", 3, 2)],
        Changes = [new Figure("changes.cancelled", 1, 0)],
        Documents = [new Figure("documents.added", 4, 5)],
        Usage = new UsageSection { HasAnalytics = true, FirstRecordedUtc = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc), Figures = [new Figure("usage.views", 100, 90)] },
        Webinars = new ActivitySection { Figures = [new Figure("webinars.held", 6, 1)] },
        Courses = new ActivitySection { Figures = [new Figure("courses.held", 2, 2)] },
        Speaking = [new Figure("speaking.engagements", 1, 1)],
        Planned = [new Figure("planned.activities", 7, 6)],
    };

    private string Heading(ReportSection section) =>
        _text[section.HeadingKey, section.HeadingArguments(CultureInfo.CurrentCulture)].Value;

    [Fact]
    public void TheSections_AreNumberedInOrder_WithDistinctKeys()
    {
        var sections = Report().Sections;

        sections.Select(s => s.Number).ShouldBe(Enumerable.Range(1, sections.Count));
        sections.Select(s => s.Key).Distinct().Count().ShouldBe(sections.Count);
        sections.ShouldAllBe(s => !string.IsNullOrEmpty(_text[s.HeadingKey].Value) && !_text[s.HeadingKey].ResourceNotFound);
    }

    [Fact]
    public void TheWordDocument_HeadsTheSections_InTheScreensOrder()
    {
        var report = Report();
        var expected = report.Sections.Select(s => $"{s.Number}. {Heading(s)}").Append(_text["Report_Notes_Title"].Value);

        using var document = WordprocessingDocument.Open(new MemoryStream(new WordReportWriter(_text).Write(report, "All")), false);
        var headings = document.MainDocumentPart!.Document.Body!.Elements<Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1")
            .Select(p => p.InnerText);

        headings.ShouldBe(expected);
    }

    [Fact]
    public void TheCsv_ListsTheSections_InTheScreensOrder()
    {
        var report = Report();

        var csv = Encoding.UTF8.GetString(ReportCsv.Write(report, "All", _text)).TrimStart('\uFEFF');
        var sections = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line.Split(',')[0]).Distinct();

        sections.ShouldBe(report.Sections.Select(s => s.Key));
    }

    [Fact]
    public void TheMail_ListsTheSections_InTheScreensOrder()
    {
        var report = Report();
        var (plain, html) = (new StringBuilder(), new StringBuilder());

        ReportMailSummary.Append(plain, html, report, new MailText("en"));

        var captions = Regex.Matches(html.ToString(), "<caption[^>]*>([^<]*)</caption>").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value));
        var expected = report.Sections.Where(s => s.InMail).Select(Heading).ToList();
        captions.ShouldBe(expected);
        expected.ShouldContain("Activities planned for Q3 2020 (July–September)");
        plain.ToString().Split(Environment.NewLine).Where(expected.Contains).ShouldBe(expected);
    }

    [Fact]
    public void ThePlans_CompareTheNextPeriodWithThisOne()
    {
        var planned = Report().Sections.Single(s => s.Key == ReportSection.Planned);

        planned.Shown.ShouldBe(ReportPeriod.Quarter(2020, 3));
        planned.ComparedWith.ShouldBe(ReportPeriod.Quarter(2020, 2));
    }
}
