using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.Localization;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Resources;

namespace PortCooperation.Web.Services.Reports;

/// <summary>
/// The executive report as an editable Word document (.docx, Open XML): A4 portrait, real heading styles (so Word's
/// navigation pane and table of contents work), a table of figures per section with the previous period beside each,
/// and the lists of the on-screen report. Text comes from the same resources as the page, in the request's language.
/// </summary>
public sealed class WordReportWriter(IStringLocalizer<SharedResource> text)
{
    private const string Navy = "0B2D4F";
    private const string Muted = "4A5868";

    public byte[] Write(ExecutiveReport report, string scopeText)
    {
        var culture = CultureInfo.CurrentCulture;
        var period = report.Period;
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main);
            var body = new Body();
            main.Document = new Document(body);
            document.PackageProperties.Title = $"{text["Report_Title"]} – {report.Period.Label(culture)}";
            document.PackageProperties.Creator = text["Report_Organisation"];
            document.PackageProperties.Language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

            body.Append(
                Paragraph(text["Report_Organisation"], "Subtitle"),
                Paragraph(text["Report_Title"], "Title"),
                Paragraph(period.Label(culture), "Heading2"),
                Paragraph($"{text["Report_Meta_Scope"]}: {scopeText}"),
                Paragraph($"{text["Report_Meta_Period"]}: {DateText.LongDate(period.From, culture)} – {DateText.LongDate(period.To, culture)}"),
                Paragraph($"{text["Report_Meta_Compared"]}: {period.Previous.Label(culture)}"),
                Paragraph($"{text["Report_Meta_Generated"]}: {DateText.LongDateTime(report.GeneratedAtUtc, culture)} UTC"));

            foreach (var section in report.Sections)
            {
                body.Append(Paragraph($"{section.Number}. {text[section.HeadingKey, section.HeadingArguments(culture)]}", "Heading1"));
                var figures = FigureTable(section.Figures, (section.Shown.ShortLabel(culture), section.ComparedWith.ShortLabel(culture)));
                // Page views are shown only where they were recorded and can be limited to the scope.
                body.Append(section.Key != ReportSection.Usage || report.Usage is { NotScoped: false, HasAnalytics: true } ? (OpenXmlElement)figures
                    : Paragraph(text[report.Usage.NotScoped ? "Report_Usage_NotScoped" : "Report_Usage_NotRecorded"]));
                Action<Body>? details = section.Key switch
                {
                    ReportSection.Changes => AppendChanges,
                    ReportSection.Documents => AppendDocumentBreakdown,
                    ReportSection.Webinars => b => AppendHeld(b, report.Webinars),
                    ReportSection.Courses => b => AppendHeld(b, report.Courses),
                    ReportSection.Speaking => AppendSpeaking,
                    ReportSection.Planned => AppendPlanned,
                    _ => null,
                };
                details?.Invoke(body);
            }

            body.Append(Paragraph(text["Report_Notes_Title"], "Heading1"));
            foreach (var note in new[] { "Report_Note_Previous", "Report_Note_Participants", "Report_Note_Changes", "Report_Note_NoComparison", "Report_Note_Documents", "Report_Note_Usage" })
            {
                body.Append(Bullet(text[note]));
            }

            if (!report.Scope.IsEverything)
            {
                body.Append(Bullet(text[report.Scope.IsByOrganisation ? "Report_Note_ScopeOrganisation" : "Report_Note_Scope"]));
            }

            var missing = report.Webinars.WithoutParticipants + report.Courses.WithoutParticipants;
            if (missing > 0)
            {
                body.Append(Bullet(text["Report_Note_MissingParticipants", N(missing)]));
            }

            if (report.HasLowerBounds)
            {
                body.Append(Bullet($"{text["Report_AtLeastMark"]} {text["Report_Note_LowerBound"]}"));
            }

            // A4 portrait (11906 × 16838 twentieths of a point) with 2 cm margins.
            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1134U, Right = 1134U, Header = 567U, Footer = 567U, Gutter = 0U }));
            main.Document.Save();
        }

        return stream.ToArray();

        string N(int value) => value.ToString("N0", culture);

        void AppendChanges(Body body)
        {
            body.Append(Paragraph(text["Report_Changes_Lead", period.Label(culture), period.Next.Label(culture)]));
            foreach (var row in report.ChangedActivities)
            {
                var counted = row.IsDueNextPeriod ? $" ({text["Report_Changes_CountedIn", period.Next.ShortLabel(culture)]})" : "";
                body.Append(Bullet($"{text[$"ActivityStatus_{row.Status}"]}: {row.Title.Text}{counted}", bold: true));
                var dates = row.Status == ActivityStatus.Postponed
                    ? $"{text["Report_Changes_Originally"]} {row.OriginalSchedule?.When ?? "–"} · {text["Report_Changes_NewDates"]} {row.Schedule.When}"
                    : $"{text["Report_Changes_WasPlanned"]} {row.Schedule.When}";
                body.Append(Indented(Join(Place(row.City, row.HostCountry.Text), Partners(row.Partners))), Indented(dates));
                if (!row.Reason.IsEmpty)
                {
                    body.Append(Indented($"{text["Report_Changes_Reason"]} {row.Reason.Text}"));
                }
            }
        }

        void AppendDocumentBreakdown(Body body)
        {
            if (report.DocumentsBySource.Count == 0)
            {
                return;
            }

            var (current, previous) = (period.ShortLabel(culture), period.Previous.ShortLabel(culture));
            body.Append(Paragraph(text["Report_Documents_BySource"], "Heading3"));
            body.Append(Table(
                [text["Report_Documents_Source"], current, previous],
                report.DocumentsBySource.Select(r => new[] { text["Report_Source_" + r.Key.Replace('.', '_')].Value, N(r.Current), N(r.Previous) })));
            body.Append(Paragraph(text["Report_Documents_ByTopic"], "Heading3"));
            body.Append(Table(
                [text["Report_Documents_Topic"], current, previous],
                report.DocumentsByTopic.Select(r => new[] { r.Label.Text, N(r.Current), N(r.Previous) })));
        }

        void AppendHeld(Body body, ActivitySection section)
        {
            var number = 1;
            foreach (var row in section.Activities)
            {
                body.Append(Bullet($"{number++}. {row.Title.Text}", bold: true));
                body.Append(Indented(Join(row.Schedule.When, Partners(row.Partners))));
                body.Append(Indented(Join(
                    row.Participants is { } p ? text.Plural("Report_Participants", p) : text["Report_Participants_Unknown"].Value,
                    row.MemberStates is { } m ? text.Plural("Report_MemberStates", m) : text["Report_MemberStates_Unknown"].Value)));
                if (row.Countries.Count > 0)
                {
                    body.Append(Indented($"{text["Report_Countries"]} {string.Join(", ", row.Countries.Select(c => c.Name.Text))}"));
                }
            }
        }

        void AppendSpeaking(Body body)
        {
            foreach (var row in report.SpeakingEngagements)
            {
                body.Append(Bullet($"{row.Organiser.Text}: {row.Title.Text}", bold: true));
                body.Append(Indented(Join(
                    row.Date.ToString("D", culture),
                    row.AudienceSize is { } audience ? text.Plural("Report_Participants", audience) : null,
                    row.AudienceCountries is { } countries ? text.Plural("Report_Speaking_Countries", countries) : null)));
            }
        }

        void AppendPlanned(Body body)
        {
            foreach (var group in report.PlannedActivities.GroupBy(a => a.Kind))
            {
                body.Append(Paragraph(text["Report_Planned_Group", text[$"ActivityKind_{group.Key}"].Value, N(group.Count())].Value, "Heading3"));
                foreach (var row in group)
                {
                    body.Append(Bullet(Join(row.Title.Text, row.Schedule.When, Partners(row.Partners))));
                }
            }
        }

        string? Partners(IReadOnlyList<Content.LocalizedText> partners) =>
            partners.Count == 0 ? null : text["Report_With", string.Join(", ", partners.Select(p => p.Text))].Value;

        Table FigureTable(IReadOnlyList<Figure> figures, (string Current, string Previous) columns) => Table(
            [text["Report_Column_Indicator"], columns.Current, text["Report_Column_Previous", columns.Previous], text["Report_Column_Change"]],
            figures.Select(f => new[]
            {
                text[f.ResourceKey].Value,
                Format(f, f.Current, f.CurrentIsAtLeast),
                f.IsComparable ? Format(f, f.Previous, f.PreviousIsAtLeast) : text["Report_NoComparison"].Value,
                !f.IsComparable || f.IsAtLeast ? "–" : f.Change == 0 ? "=" : (f.Change > 0 ? "+" : "−") + Format(f, Math.Abs(f.Change), false),
            }));

        // The same "at least … (a)" as the page, so a minimum never reads as an exact count.
        string Format(Figure f, decimal value, bool atLeast) =>
            (atLeast ? text["Report_AtLeast"].Value + " " : "")
            + (f.IsMoney ? "USD " + value.ToString("N0", culture) : value.ToString("N0", culture))
            + (atLeast ? " " + text["Report_AtLeastMark"].Value : "");
    }

    private static string? Place(string? city, string? country) =>
        string.Join(", ", new[] { city, country }.Where(p => !string.IsNullOrEmpty(p))) is { Length: > 0 } place ? place : null;

    private static string Join(params string?[] parts) => string.Join(" · ", parts.Where(p => !string.IsNullOrEmpty(p)));

    private static Paragraph Paragraph(string content, string? style = null)
    {
        var paragraph = new Paragraph();
        if (style is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }

        paragraph.Append(new Run(new Text(content) { Space = SpaceProcessingModeValues.Preserve }));
        return paragraph;
    }

    private static Paragraph Bullet(string content, bool bold = false)
    {
        var run = new Run();
        if (bold)
        {
            run.Append(new RunProperties(new Bold()));
        }

        run.Append(new Text("• " + content) { Space = SpaceProcessingModeValues.Preserve });
        return new Paragraph(
            new ParagraphProperties(new ParagraphStyleId { Val = "ListItem" }),
            run);
    }

    private static Paragraph Indented(string content) =>
        new(
            new ParagraphProperties(new ParagraphStyleId { Val = "ListDetail" }),
            new Run(new Text(content) { Space = SpaceProcessingModeValues.Preserve }));

    /// <summary>A full-width table: a header row, then one row per entry; numbers right-aligned.</summary>
    private static Table Table(string[] headers, IEnumerable<string[]> rows)
    {
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4U, Color = "D5DDE6" },
            new BottomBorder { Val = BorderValues.Single, Size = 4U, Color = "D5DDE6" },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4U, Color = "D5DDE6" });
        var table = new Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            border));
        // 9,638 twips between the 2 cm margins of A4: the label takes what the figure columns leave.
        var figureColumn = headers.Length == 4 ? 1_750 : 1_900;
        var grid = new TableGrid(new GridColumn { Width = (9_638 - figureColumn * (headers.Length - 1)).ToString(CultureInfo.InvariantCulture) });
        for (var i = 1; i < headers.Length; i++)
        {
            grid.Append(new GridColumn { Width = figureColumn.ToString(CultureInfo.InvariantCulture) });
        }

        table.Append(grid);
        table.Append(Row(headers, header: true));
        foreach (var row in rows)
        {
            table.Append(Row(row, header: false));
        }

        return table;

        static TableRow Row(string[] cells, bool header)
        {
            var row = new TableRow();
            if (header)
            {
                row.Append(new TableRowProperties(new TableHeader()));
            }

            for (var i = 0; i < cells.Length; i++)
            {
                var runProperties = new RunProperties();
                if (header)
                {
                    runProperties.Append(new Bold(), new Color { Val = Muted }, new FontSize { Val = "18" });
                }

                var paragraphProperties = new ParagraphProperties(new SpacingBetweenLines { Before = "40", After = "40" });
                if (i > 0)
                {
                    paragraphProperties.Append(new Justification { Val = JustificationValues.Right });
                }

                var cellProperties = new TableCellProperties();
                if (header)
                {
                    cellProperties.Append(new TableCellBorders(new BottomBorder { Val = BorderValues.Single, Size = 12U, Color = Navy }));
                }

                row.Append(new TableCell(
                    cellProperties,
                    new Paragraph(paragraphProperties, new Run(runProperties, new Text(cells[i]) { Space = SpaceProcessingModeValues.Preserve }))));
            }

            return row;
        }
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", ComplexScript = "Calibri" },
                    new FontSize { Val = "21" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { After = "80", Line = "276", LineRule = LineSpacingRuleValues.Auto }))),
            Style("Normal", "Normal", null, null),
            Style("Title", "Title", "44", Navy, serif: true),
            Style("Subtitle", "Subtitle", "18", Navy, bold: true),
            Style("Heading1", "heading 1", "28", Navy, serif: true, outline: 0, spaceBefore: "280"),
            Style("Heading2", "heading 2", "26", Navy, serif: true, outline: 1),
            Style("Heading3", "heading 3", "21", Navy, bold: true, outline: 2, spaceBefore: "120"),
            Style("ListItem", "List Item", null, null, indent: "200", spaceBefore: "120"),
            Style("ListDetail", "List Detail", "19", Muted, indent: "400"));
        styles.Styles.Save();
    }

    private static Style Style(
        string id, string name, string? size, string? color,
        bool serif = false, bool bold = false, int? outline = null, string? spaceBefore = null, string? indent = null)
    {
        var paragraph = new StyleParagraphProperties();
        if (spaceBefore is not null)
        {
            paragraph.Append(new SpacingBetweenLines { Before = spaceBefore, After = "80" });
        }

        if (indent is not null)
        {
            paragraph.Append(new Indentation { Left = indent });
        }

        if (outline is { } level)
        {
            paragraph.Append(new OutlineLevel { Val = level });
        }

        var run = new StyleRunProperties();
        if (serif)
        {
            run.Append(new RunFonts { Ascii = "Georgia", HighAnsi = "Georgia", ComplexScript = "Georgia" });
        }

        if (bold)
        {
            run.Append(new Bold());
        }

        if (color is not null)
        {
            run.Append(new Color { Val = color });
        }

        if (size is not null)
        {
            run.Append(new FontSize { Val = size });
        }

        var style = new Style(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id };
        if (id != "Normal")
        {
            style.Append(new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" }, new PrimaryStyle());
        }
        else
        {
            style.Default = true;
            style.Append(new PrimaryStyle());
        }

        style.Append(paragraph, run);
        return style;
    }
}
