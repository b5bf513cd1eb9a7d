using System.Text;
using PortCooperation.Web.Services.Library;

namespace PortCooperation.UnitTests.Library;

/// <summary>
/// <see cref="PdfText"/> on hand-built PDFs (each text operator and string form, simple and composite fonts with
/// ToUnicode), on a real PDF printed by Chromium, and on hostile input: garbage, truncation and a zlib bomb give
/// no text and no exception.
/// </summary>
public sealed class PdfTextTests
{
    private const int Max = 200_000;

    private static string? Text(byte[] pdf) => PdfText.Extract(pdf, Max);

    [Fact]
    public void Uncompressed_LiteralStrings_WithEscapesOctalAndBalancedParentheses()
    {
        var pdf = PdfBuilder.OnePage(
            @"BT /F1 12 Tf 14 TL 72 700 Td (Port of Callao \(Peru\)) Tj T* (Gesti\363n portuaria) Tj T* (a (nested) aside) ' ET",
            flate: false, ("F1", PdfBuilder.Helvetica));

        Text(pdf).ShouldBe("Port of Callao (Peru) Gestión portuaria a (nested) aside");
    }

    [Fact]
    public void FlateStreams_AreInflated()
    {
        var pdf = PdfBuilder.OnePage("BT /F1 12 Tf 72 700 Td (Compressed harbour text) Tj ET", flate: true, ("F1", PdfBuilder.Helvetica));

        Encoding.Latin1.GetString(pdf).ShouldNotContain("harbour", Case.Sensitive, "the content really is compressed");
        Text(pdf).ShouldBe("Compressed harbour text");
    }

    [Fact]
    public void TJ_AWideNegativeKerningIsASpace_ANarrowOneIsNot()
    {
        var pdf = PdfBuilder.OnePage("BT /F1 12 Tf 72 700 Td [(Ba) 30 (llast) -2000 (water) -50 (s)] TJ ET", flate: true, ("F1", PdfBuilder.Helvetica));

        Text(pdf).ShouldBe("Ballast waters");
    }

    [Fact]
    public void HexStrings_AndTheMoveOperators()
    {
        var pdf = PdfBuilder.OnePage("BT /F1 12 Tf 72 700 Td <4D6F6F72696E67> Tj 0 -20 TD <4265727468> Tj 1 0 0 1 72 600 Tm (Quay) Tj ET", flate: false, ("F1", PdfBuilder.Helvetica));

        Text(pdf).ShouldBe("Mooring Berth Quay");
    }

    [Fact]
    public void ToUnicode_MapsTwoByteIdentityHCodes_AndOneByteCodes_ThroughBfcharAndBothBfrangeForms()
    {
        var pdf = new PdfBuilder();
        var cidMap = pdf.AddStream("", "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Test def "
            + "1 begincodespacerange <0000> <FFFF> endcodespacerange "
            + "2 beginbfchar <0001> <00F1> <0002> <0020> endbfchar "
            + "2 beginbfrange <0010> <0012> <0061> <0020> <0021> [<00E9> <00F3>] endbfrange "
            + "endcmap CMapName currentdict /CMap defineresource pop end end", flate: true);
        var descriptor = pdf.Add("<< /Type /FontDescriptor /FontName /Test /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>");
        var cidFont = pdf.Add($"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Test /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor {descriptor} 0 R /DW 500 /CIDToGIDMap /Identity >>");
        var type0 = pdf.Add($"<< /Type /Font /Subtype /Type0 /BaseFont /Test /Encoding /Identity-H /DescendantFonts [{cidFont} 0 R] /ToUnicode {cidMap} 0 R >>");
        var byteMap = pdf.AddStream("", "begincmap 1 begincodespacerange <00> <FF> endcodespacerange 1 beginbfchar <41> <00D1> endbfchar 1 beginbfrange <61> <63> <00E1> endbfrange endcmap", flate: false);
        var trueType = pdf.Add($"<< /Type /Font /Subtype /TrueType /BaseFont /Custom /FirstChar 65 /LastChar 99 /Widths [{string.Join(' ', Enumerable.Repeat("500", 35))}] /FontDescriptor {descriptor} 0 R /ToUnicode {byteMap} 0 R >>");

        var bytes = pdf.OnePage("BT /F1 12 Tf 72 700 Td <0010001100120001000200200021> Tj /F2 12 Tf 0 -20 Td (Aabc) Tj ET", flate: false, ("F1", type0), ("F2", trueType));

        Text(bytes).ShouldBe("abcñ éó Ñáâã");
    }

    [Fact]
    public void ARealPdfPrintedByChromium_GivesItsSpanishText()
    {
        var pdf = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "fixtures", "gestion-portuaria.pdf"));

        Text(pdf).ShouldBe("Gestión portuaria sostenible Guía de la Secretaría para dársenas y muelles: ecoboyas, señalización y acción climática.");
        PdfText.Extract(pdf, 20)!.Length.ShouldBe(20);
    }

    [Fact]
    public void GarbageTruncationAndDisguisedFiles_GiveNoText_AndNoException()
    {
        var real = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "fixtures", "gestion-portuaria.pdf"));
        var random = new byte[64 * 1024];
        new Random(42).NextBytes(random);

        Text([]).ShouldBeNull();
        Text("%PDF-1.7 nothing follows"u8.ToArray()).ShouldBeNull();
        Text([.. "%PDF-1.7\n"u8, .. random]).ShouldBeNull();
        Text(Encoding.ASCII.GetBytes("MZ not a pdf at all")).ShouldBeNull();
        for (var cut = 1; cut < real.Length; cut += real.Length / 17)
        {
            Should.NotThrow(() => Text(real[..cut]));
        }
    }

    [Fact]
    public void AZlibBomb_IsMeasuredWithABoundedInflate_AndNotRead()
    {
        // 40 MB of spaces compress to ~40 KB; one stream may inflate to 16 MB at most.
        var bomb = PdfBuilder.OnePage("BT /F1 12 Tf 72 700 Td (Bomb) Tj ET" + new string(' ', 40 * 1024 * 1024), flate: true, ("F1", PdfBuilder.Helvetica));

        bomb.Length.ShouldBeLessThan(1024 * 1024);
        PdfText.WithinBudget(bomb).ShouldBeFalse();
        Text(bomb).ShouldBeNull();
        PdfText.WithinBudget(PdfBuilder.OnePage("BT /F1 12 Tf 72 700 Td (Small) Tj ET", flate: true, ("F1", PdfBuilder.Helvetica))).ShouldBeTrue();
    }

    [Fact]
    public void ManySmallStreamsThatTogetherInflatePastTheTotal_AreNotRead()
    {
        var pdf = new PdfBuilder();
        for (var i = 0; i < 5; i++)
        {
            pdf.AddStream("", new byte[15 * 1024 * 1024], flate: true);
        }

        PdfText.WithinBudget(pdf.OnePage("BT /F1 12 Tf 72 700 Td (Many) Tj ET", flate: false, ("F1", PdfBuilder.Helvetica))).ShouldBeFalse();
    }
}
