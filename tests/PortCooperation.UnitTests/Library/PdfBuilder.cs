using System.IO.Compression;
using System.Text;

namespace PortCooperation.UnitTests.Library;

/// <summary>Hand-built PDF files for the extractor's tests: numbered objects, streams plain or Flate, a correct xref.</summary>
internal sealed class PdfBuilder
{
    private readonly List<byte[]> _objects = [];

    /// <summary>Adds an object and returns its number (the first is 1).</summary>
    public int Add(string body)
    {
        _objects.Add(Encoding.Latin1.GetBytes(body));
        return _objects.Count;
    }

    public int AddStream(string dictionary, byte[] data, bool flate)
    {
        if (flate)
        {
            using var packed = new MemoryStream();
            using (var zlib = new ZLibStream(packed, CompressionLevel.Optimal, leaveOpen: true))
            {
                zlib.Write(data);
            }

            data = packed.ToArray();
        }

        var head = Encoding.Latin1.GetBytes($"<< {dictionary} {(flate ? "/Filter /FlateDecode " : "")}/Length {data.Length} >>\nstream\n");
        _objects.Add([.. head, .. data, .. "\nendstream"u8]);
        return _objects.Count;
    }

    public int AddStream(string dictionary, string data, bool flate) => AddStream(dictionary, Encoding.Latin1.GetBytes(data), flate);

    /// <summary>A one-page document: the fonts (name → object number) and the page's content.</summary>
    public static byte[] OnePage(string content, bool flate, params (string Name, string Font)[] fonts) =>
        new PdfBuilder().OnePage(content, flate, [.. fonts.Select(f => (f.Name, (object)f.Font))]);

    /// <summary>
    /// Adds the page, its page tree and the catalog to the objects so far and builds the file. A font is either its
    /// dictionary (string, added here) or the number of an object already added (int).
    /// </summary>
    public byte[] OnePage(string content, bool flate, params (string Name, object Font)[] fonts)
    {
        var fontRefs = fonts.Select(f => (f.Name, Ref: f.Font is int number ? number : Add((string)f.Font))).ToList();
        var contents = AddStream("", content, flate);
        var resources = "<< /Font << " + string.Concat(fontRefs.Select(f => $"/{f.Name} {f.Ref} 0 R ")) + ">> >>";
        var pages = _objects.Count + 2;
        var page = Add($"<< /Type /Page /Parent {pages} 0 R /MediaBox [0 0 612 792] /Resources {resources} /Contents {contents} 0 R >>");
        Add($"<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>");
        var catalog = Add($"<< /Type /Catalog /Pages {pages} 0 R >>");
        return Build(catalog);
    }

    public const string Helvetica = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";

    public byte[] Build(int root)
    {
        using var file = new MemoryStream();
        file.Write("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"u8);
        var offsets = new List<long>();
        for (var i = 0; i < _objects.Count; i++)
        {
            offsets.Add(file.Position);
            file.Write(Encoding.Latin1.GetBytes($"{i + 1} 0 obj\n"));
            file.Write(_objects[i]);
            file.Write("\nendobj\n"u8);
        }

        var xref = file.Position;
        var table = new StringBuilder().Append($"xref\n0 {_objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            table.Append($"{offset:D10} 00000 n \n");
        }

        table.Append($"trailer\n<< /Size {_objects.Count + 1} /Root {root} 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        file.Write(Encoding.Latin1.GetBytes(table.ToString()));
        return file.ToArray();
    }
}
