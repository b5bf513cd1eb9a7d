using System.IO.Compression;
using System.Text;
using PortCooperation.Web.Services.Library;

namespace PortCooperation.UnitTests.Library;

/// <summary>
/// <see cref="OfficeText"/> on hostile Office files: a Word file whose document.xml inflates to 200 MB (a zip of
/// well under 1 MB) is refused or read within a fixed memory budget and a few seconds, never loaded whole; a
/// large document within the ratio limits is read only up to the character cap.
/// </summary>
public sealed class OfficeTextTests
{
    private const int Max = 200_000;

    /// <summary>What the extractor may allocate for any file: far below what a whole part in a DOM costs.</summary>
    private const long AllocationCeiling = 64L * 1024 * 1024;

    [Fact]
    public void ABombDocx_IsNotInflatedIntoMemory()
    {
        var bomb = Docx(200L * 1024 * 1024, varied: false);
        bomb.Length.ShouldBeLessThan(1024 * 1024, "the test really builds a small file");

        var before = GC.GetAllocatedBytesForCurrentThread();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var text = OfficeText.Extract(OfficeText.WordType, bomb, Max);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        allocated.ShouldBeLessThan(AllocationCeiling, $"{allocated / (1024 * 1024)} MB allocated for a {bomb.Length / 1024} KB file");
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
        (text?.Length ?? 0).ShouldBeLessThanOrEqualTo(Max + 1000);
    }

    [Fact]
    public void ABigVariedDocx_IsReadUpToTheCap_WithinTheSameBudget()
    {
        var big = Docx(40L * 1024 * 1024, varied: true);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var text = OfficeText.Extract(OfficeText.WordType, big, Max);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        allocated.ShouldBeLessThan(AllocationCeiling, $"{allocated / (1024 * 1024)} MB allocated");
        text.ShouldNotBeNull();
        text.ShouldStartWith("Paragraph 0 about berths");
        text.Length.ShouldBeInRange(Max / 2, Max + 1000);
    }

    [Fact]
    public void ASmallDocx_GivesItsParagraphs()
    {
        var docx = Docx(1000, varied: true);

        OfficeText.Extract(OfficeText.WordType, docx, Max)!.ShouldStartWith("Paragraph 0 about berths\nParagraph 1 about berths\n");
    }

    /// <summary>
    /// A minimal Word file whose document.xml holds about <paramref name="size"/> bytes of paragraphs: the same
    /// one repeated (it compresses about 1000:1) or numbered ones (about 10:1).
    /// </summary>
    public static byte[] Docx(long size, bool varied)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
                """);
            Write(zip, "_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
                """);
            var entry = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize);
            using var body = entry.Open();
            body.Write("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"""u8);
            var repeated = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<w:p><w:r><w:t>Ballast water sampling at the outer anchorage</w:t></w:r></w:p>", 1000)));
            long written = 0;
            for (var i = 0; written < size; i++)
            {
                var chunk = varied ? Encoding.UTF8.GetBytes($"<w:p><w:r><w:t>Paragraph {i} about berths</w:t></w:r></w:p>") : repeated;
                body.Write(chunk);
                written += chunk.Length;
            }

            body.Write("</w:body></w:document>"u8);
        }

        return stream.ToArray();
    }

    private static void Write(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }
}
