// Peak working set of one extraction, in a fresh process per file so the peak belongs to that file alone.
// Usage: OfficeBench make <folder>           writes bomb.docx (document.xml inflating to 200 MB) and normal.docx (~5 MB)
//        OfficeBench read <file.docx>        extracts its text once and prints size, time, characters and peak working set
using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using PortCooperation.Web.Services.Library;

if (args is ["make", var folder])
{
    Directory.CreateDirectory(folder);
    File.WriteAllBytes(Path.Combine(folder, "bomb.docx"), Docx(200L * 1024 * 1024, i => "<w:p><w:r><w:t>Ballast water sampling at the outer anchorage</w:t></w:r></w:p>"));
    var random = new Random(42);
    string[] words = ["port", "berth", "crane", "ballast", "customs", "pilot", "tug", "quay", "draft", "hinterland", "reefer", "manifest", "terminal", "dredging", "mooring", "container"];
    File.WriteAllBytes(Path.Combine(folder, "normal.docx"), Docx(18L * 1024 * 1024, i =>
        "<w:p><w:r><w:t>" + string.Join(' ', Enumerable.Range(0, 12).Select(_ => words[random.Next(words.Length)] + random.Next(1000))) + "</w:t></w:r></w:p>"));
    return 0;
}

if (args is ["read", var file])
{
    var content = File.ReadAllBytes(file);
    var process = Process.GetCurrentProcess();
    process.Refresh();
    var before = process.PeakWorkingSet64;
    var watch = Stopwatch.StartNew();
    var text = OfficeText.Extract(OfficeText.WordType, content, AttachmentStorage.MaxExtractedChars);
    watch.Stop();
    process.Refresh();
    Console.WriteLine($"{Path.GetFileName(file)}: {content.Length / 1024} KB, {watch.Elapsed.TotalSeconds:0.0} s, {text?.Length ?? 0} characters, peak working set {process.PeakWorkingSet64 / (1024 * 1024)} MB (before reading {before / (1024 * 1024)} MB)");
    return 0;
}

Console.Error.WriteLine("Usage: OfficeBench make <folder> | read <file.docx>");
return 2;

static byte[] Docx(long size, Func<int, string> paragraph)
{
    using var stream = new MemoryStream();
    using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
    {
        Entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
        Entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
        using var body = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
        body.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"u8);
        long written = 0;
        for (var i = 0; written < size; i++)
        {
            var bytes = Encoding.UTF8.GetBytes(paragraph(i));
            body.Write(bytes);
            written += bytes.Length;
        }

        body.Write("</w:body></w:document>"u8);
    }

    return stream.ToArray();
}

static void Entry(ZipArchive zip, string name, string content)
{
    using var writer = new StreamWriter(zip.CreateEntry(name).Open());
    writer.Write(content);
}
