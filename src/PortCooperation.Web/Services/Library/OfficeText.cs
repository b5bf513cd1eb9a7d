using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace PortCooperation.Web.Services.Library;

/// <summary>
/// The text of Word, Excel and PowerPoint files (Office Open XML) for the library's full-text index: paragraphs of a
/// document, cells and sheet names of a workbook, text of the slides in their order. The file comes from an upload,
/// so it is read as a stream, never as a document object model: the ZIP's central directory is checked first (at most
/// <see cref="MaxEntries"/> entries, none inflating more than <see cref="MaxRatio"/> times its compressed size once
/// past a megabyte: a decompression bomb is refused before any of it is inflated), then each part is read with an
/// <see cref="XmlReader"/> over a stream that stops after <see cref="MaxInflatedBytes"/> inflated bytes for the whole
/// file, and reading ends at <paramref name="maxChars"/> characters. Memory therefore stays within a fixed ceiling
/// whatever the file declares. A damaged or disguised file gives no text rather than an error.
/// </summary>
public static class OfficeText
{
    public const string WordType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string ExcelType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string PowerPointType = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

    public const int MaxEntries = 10_000;
    public const long MaxInflatedBytes = 64L * 1024 * 1024;
    public const int MaxRatio = 100;

    /// <summary>Below this an entry's ratio does not matter: it cannot inflate to much.</summary>
    private const long RatioFreeBytes = 1024 * 1024;

    private const string RelationshipsNs = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string OfficeRelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string WordNs = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string SheetNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string PresentationNs = "http://schemas.openxmlformats.org/presentationml/2006/main";
    private const string DrawingNs = "http://schemas.openxmlformats.org/drawingml/2006/main";

    private static readonly XmlReaderSettings _xml = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    public static string? Extract(string mediaType, byte[] content, int maxChars)
    {
        if (mediaType is not (WordType or ExcelType or PowerPointType) || !FewEntries(content))
        {
            return null;
        }

        var text = new Limited(maxChars);
        var budget = new Budget(MaxInflatedBytes);
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Any(e => e.Length > RatioFreeBytes && e.Length > MaxRatio * Math.Max(1, e.CompressedLength)))
            {
                return null;
            }

            var package = new Package(zip, budget);
            var main = package.Targets("", t => t.EndsWith("/officeDocument", StringComparison.Ordinal)).FirstOrDefault();
            if (main is null)
            {
                return null;
            }

            switch (mediaType)
            {
                case WordType:
                    ReadParagraphs(package, main, WordNs, text);
                    break;
                case ExcelType:
                    ReadWorkbook(package, main, text);
                    break;
                default:
                    ReadPresentation(package, main, text);
                    break;
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or XmlException or FormatException or ArgumentException or NotSupportedException)
        {
            // Over the inflation budget the text read so far is kept; anything else means a damaged file.
            return budget.Exhausted ? text.ToString() : null;
        }

        return text.ToString();
    }

    /// <summary>
    /// The entry count from the end-of-central-directory record, read before ZipArchive builds an object per entry:
    /// a small upload can declare hundreds of thousands of entries. Zip64 (over 65,535 entries) is refused too.
    /// </summary>
    private static bool FewEntries(byte[] content)
    {
        var tail = content.AsSpan(Math.Max(0, content.Length - (65_535 + 22)));
        var at = tail.LastIndexOf("PK\u0005\u0006"u8);
        return at >= 0 && tail.Length - at >= 22 && BinaryPrimitives.ReadUInt16LittleEndian(tail[(at + 10)..]) <= MaxEntries;
    }

    /// <summary>Paragraphs (<c>p</c>) of a part, each the text of its <c>t</c> elements, in the given namespace.</summary>
    private static bool ReadParagraphs(Package package, string part, string ns, Limited text)
    {
        using var reader = package.Open(part);
        if (reader is null)
        {
            return true;
        }

        var paragraph = new StringBuilder();
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "t" && reader.NamespaceURI == ns && !reader.IsEmptyElement)
            {
                ReadContent(reader, paragraph, text.Room);
            }
            else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "p" && reader.NamespaceURI == ns)
            {
                if (!text.Add(paragraph.ToString()))
                {
                    return false;
                }

                paragraph.Clear();
            }
        }

        return true;
    }

    private static void ReadWorkbook(Package package, string workbook, Limited text)
    {
        var shared = new List<string>();
        var sharedPart = package.Targets(workbook, t => t.EndsWith("/sharedStrings", StringComparison.Ordinal)).FirstOrDefault();
        if (sharedPart is not null)
        {
            ReadSharedStrings(package, sharedPart, shared, text.MaxChars);
        }

        var relationships = package.Relationships(workbook);
        var sheets = new List<(string Name, string? Id)>();
        using (var reader = package.Open(workbook))
        {
            while (reader is not null && reader.Read() && sheets.Count < MaxEntries)
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "sheet" && reader.NamespaceURI == SheetNs)
                {
                    sheets.Add((reader.GetAttribute("name") ?? "", reader.GetAttribute("id", OfficeRelNs)));
                }
            }
        }

        foreach (var (name, id) in sheets)
        {
            if (!text.Add(name))
            {
                return;
            }

            if (id is not null && relationships.TryGetValue(id, out var target) && !ReadCells(package, target, shared, text))
            {
                return;
            }
        }
    }

    /// <summary>The shared strings, until they hold as many characters as the index takes.</summary>
    private static void ReadSharedStrings(Package package, string part, List<string> shared, int maxChars)
    {
        using var reader = package.Open(part);
        var item = new StringBuilder();
        long stored = 0;
        while (reader is not null && reader.Read() && stored < maxChars)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "t" && reader.NamespaceURI == SheetNs && !reader.IsEmptyElement)
            {
                ReadContent(reader, item, maxChars);
            }
            else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "si" && reader.NamespaceURI == SheetNs)
            {
                shared.Add(item.ToString());
                stored += item.Length;
                item.Clear();
            }
        }
    }

    private static bool ReadCells(Package package, string part, List<string> shared, Limited text)
    {
        using var reader = package.Open(part);
        string? type = null;
        var value = new StringBuilder();
        while (reader is not null && reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.NamespaceURI == SheetNs)
            {
                if (reader.LocalName == "c")
                {
                    type = reader.GetAttribute("t");
                    value.Clear();
                }
                else if (reader.LocalName is "v" or "t" && !reader.IsEmptyElement)
                {
                    ReadContent(reader, value, text.Room);
                }
            }
            else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "c" && reader.NamespaceURI == SheetNs)
            {
                var cell = type == "s"
                    ? int.TryParse(value.ToString(), out var index) && index >= 0 && index < shared.Count ? shared[index] : null
                    : value.ToString();
                if (!text.Add(cell))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static void ReadPresentation(Package package, string presentation, Limited text)
    {
        var relationships = package.Relationships(presentation);
        var slides = new List<string>();
        using (var reader = package.Open(presentation))
        {
            while (reader is not null && reader.Read() && slides.Count < MaxEntries)
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "sldId" && reader.NamespaceURI == PresentationNs
                    && reader.GetAttribute("id", OfficeRelNs) is { } id && relationships.TryGetValue(id, out var target))
                {
                    slides.Add(target);
                }
            }
        }

        foreach (var slide in slides)
        {
            if (!ReadParagraphs(package, slide, DrawingNs, text))
            {
                return;
            }
        }
    }

    /// <summary>The text inside the current element, in chunks, keeping at most <paramref name="room"/> characters in <paramref name="into"/>.</summary>
    private static void ReadContent(XmlReader reader, StringBuilder into, int room)
    {
        var depth = reader.Depth;
        var chunk = new char[4096];
        while (reader.Read() && reader.Depth > depth)
        {
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
            {
                int read;
                while ((read = reader.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
                {
                    into.Append(chunk, 0, Math.Min(read, Math.Max(0, room - into.Length)));
                }
            }
        }
    }

    /// <summary>The parts of the file, found through their relationships and read against one inflation budget.</summary>
    private sealed class Package(ZipArchive zip, Budget budget)
    {
        private readonly Dictionary<string, ZipArchiveEntry> _entries = zip.Entries
            .GroupBy(e => e.FullName.TrimStart('/'), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

        public XmlReader? Open(string part) =>
            _entries.TryGetValue(part, out var entry) ? XmlReader.Create(new BudgetStream(entry.Open(), budget), _xml) : null;

        /// <summary>The targets of <paramref name="source"/>'s relationships whose type matches, in document order ("" is the package).</summary>
        public IEnumerable<string> Targets(string source, Func<string, bool> type) =>
            Read(source).Where(r => type(r.Type)).Select(r => r.Target);

        public Dictionary<string, string> Relationships(string source)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (id, _, target) in Read(source))
            {
                result.TryAdd(id, target);
            }

            return result;
        }

        private List<(string Id, string Type, string Target)> Read(string source)
        {
            var folder = source.Contains('/', StringComparison.Ordinal) ? source[..(source.LastIndexOf('/') + 1)] : "";
            var relsPart = folder + "_rels/" + source[folder.Length..] + ".rels";
            var result = new List<(string, string, string)>();
            using var reader = Open(relsPart);
            while (reader is not null && reader.Read() && result.Count < MaxEntries)
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Relationship" && reader.NamespaceURI == RelationshipsNs
                    && reader.GetAttribute("TargetMode") != "External"
                    && reader.GetAttribute("Id") is { } id && reader.GetAttribute("Type") is { } type && reader.GetAttribute("Target") is { } target)
                {
                    result.Add((id, type, Resolve(folder, target)));
                }
            }

            return result;
        }

        /// <summary>A relationship target as a part name: absolute ("/word/x.xml") or relative to the source's folder, with ".." applied.</summary>
        private static string Resolve(string folder, string target)
        {
            var segments = new List<string>();
            foreach (var segment in ((target.StartsWith('/') ? "" : folder) + target).Split('/'))
            {
                if (segment == "..")
                {
                    if (segments.Count > 0)
                    {
                        segments.RemoveAt(segments.Count - 1);
                    }
                }
                else if (segment is not ("" or "."))
                {
                    segments.Add(segment);
                }
            }

            return string.Join('/', segments);
        }
    }

    /// <summary>How many inflated bytes the rest of the file may still produce.</summary>
    private sealed class Budget(long bytes)
    {
        public long Left { get; set; } = bytes;

        public bool Exhausted { get; set; }
    }

    /// <summary>An entry's inflated bytes, until the file's budget is spent: then reading fails.</summary>
    private sealed class BudgetStream(Stream inner, Budget budget) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, (int)Math.Min(count, budget.Left + 1));
            budget.Left -= read;
            if (budget.Left < 0)
            {
                budget.Exhausted = true;
                throw new InvalidDataException("The file inflates past the extraction budget.");
            }

            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>Text pieces joined by new lines, up to a number of characters.</summary>
    private sealed class Limited(int maxChars)
    {
        private readonly StringBuilder _text = new();

        public int MaxChars => maxChars;

        /// <summary>Characters a piece may still bring.</summary>
        public int Room => Math.Max(0, maxChars - _text.Length);

        /// <summary>Adds a piece; false once the limit is reached.</summary>
        public bool Add(string? piece)
        {
            if (_text.Length >= maxChars)
            {
                return false;
            }

            if (!string.IsNullOrWhiteSpace(piece))
            {
                _text.Append(piece).Append('\n');
            }

            return true;
        }

        public override string ToString() => _text.ToString();
    }
}
