using System.IO.Compression;
using System.Text;
using UglyToad.PdfPig;

namespace PortCooperation.Web.Services.Library;

/// <summary>
/// The text of a PDF file for the library's full-text index, read with PdfPig (page tree, content streams, Tj/TJ
/// and the other text operators, ToUnicode CMaps, Identity-H and simple-font encodings) and joined word by word from
/// the glyphs' positions, so kerning gaps become spaces. Defensive and bounded, because the file comes from an
/// upload: a file larger than <see cref="MaxInputBytes"/>, with more than <see cref="MaxObjects"/> objects or
/// <see cref="MaxStreams"/> streams, or whose zlib streams would inflate past <see cref="MaxInflatedBytesPerStream"/>
/// (one) or <see cref="MaxInflatedBytesTotal"/> (all) is not read at all (a zip bomb is measured by a bounded inflate
/// before PdfPig, which inflates without limits, sees it); reading stops after <see cref="MaxPages"/> pages or
/// maxChars characters, and is abandoned after <see cref="MaxTime"/>. A damaged, truncated or disguised file
/// gives no text (null), never an exception.
/// </summary>
public static class PdfText
{
    public const string PdfType = "application/pdf";
    public const int MaxInputBytes = 32 * 1024 * 1024;
    public const long MaxInflatedBytesPerStream = 16 * 1024 * 1024;
    public const long MaxInflatedBytesTotal = 64 * 1024 * 1024;
    public const int MaxObjects = 200_000;
    public const int MaxStreams = 20_000;
    public const int MaxPages = 2_000;
    public static readonly TimeSpan MaxTime = TimeSpan.FromSeconds(20);

    private static readonly ParsingOptions _options = new() { UseLenientParsing = true, SkipMissingFonts = true };

    public static string? Extract(byte[] content, int maxChars)
    {
        if (content.Length is 0 or > MaxInputBytes || content.AsSpan(0, Math.Min(content.Length, 1024)).IndexOf("%PDF-"u8) < 0 || !WithinBudget(content))
        {
            return null;
        }

        try
        {
            var reading = Task.Run(() => Read(content, maxChars));
            return reading.Wait(MaxTime) ? reading.Result : null;
        }
        catch (AggregateException)
        {
            return null;
        }
    }

    /// <summary>
    /// Counts objects and streams and inflates every zlib stream into nothing, stopping at the limits: the file
    /// is read only when all of it stays within them. Streams that are not zlib (images, other filters) count
    /// for what inflates before the error.
    /// </summary>
    public static bool WithinBudget(byte[] content)
    {
        var data = content.AsSpan();
        if (Count(data, " obj"u8, MaxObjects + 1) > MaxObjects)
        {
            return false;
        }

        long total = 0;
        var streams = 0;
        var at = 0;
        while (at < data.Length)
        {
            var found = data[at..].IndexOf("stream"u8);
            if (found < 0)
            {
                break;
            }

            var keyword = at + found;
            at = keyword + 6;
            if (keyword >= 3 && data.Slice(keyword - 3, 3).SequenceEqual("end"u8))
            {
                continue;
            }

            // The data begins after CRLF or LF (some writers use a lone CR).
            var start = at < data.Length && data[at] == '\r' ? at + 1 : at;
            start = start < data.Length && data[start] == '\n' ? start + 1 : start;
            if (start == at || ++streams > MaxStreams)
            {
                if (streams > MaxStreams)
                {
                    return false;
                }

                continue;
            }

            var inflated = Inflated(content, start, Math.Min(MaxInflatedBytesPerStream, MaxInflatedBytesTotal - total) + 1);
            total += inflated;
            if (inflated > MaxInflatedBytesPerStream || total > MaxInflatedBytesTotal)
            {
                return false;
            }
        }

        return true;
    }

    private static long Inflated(byte[] content, int start, long limit)
    {
        long count = 0;
        var buffer = new byte[81920];
        try
        {
            using var zlib = new ZLibStream(new MemoryStream(content, start, content.Length - start, writable: false), CompressionMode.Decompress);
            int read;
            while (count < limit && (read = zlib.Read(buffer, 0, buffer.Length)) > 0)
            {
                count += read;
            }
        }
        catch (InvalidDataException)
        {
            // Not zlib, or damaged: what inflated so far is counted.
        }

        return count;
    }

    private static int Count(ReadOnlySpan<byte> data, ReadOnlySpan<byte> word, int stopAt)
    {
        var count = 0;
        while (count < stopAt && data.IndexOf(word) is var at && at >= 0)
        {
            count++;
            data = data[(at + word.Length)..];
        }

        return count;
    }

    private static string? Read(byte[] content, int maxChars)
    {
        var text = new StringBuilder();
        try
        {
            using var document = PdfDocument.Open(content, _options);
            for (var number = 1; number <= Math.Min(document.NumberOfPages, MaxPages) && text.Length < maxChars; number++)
            {
                try
                {
                    foreach (var word in document.GetPage(number).GetWords())
                    {
                        text.Append(word.Text).Append(' ');
                    }
                }
#pragma warning disable CA1031 // A page PdfPig cannot read is skipped: the others still reach the index.
                catch (Exception)
#pragma warning restore CA1031
                {
                    continue;
                }

                text.Append('\n');
            }
        }
#pragma warning disable CA1031 // Whatever PdfPig throws on a damaged file means "no text", not a failed upload.
        catch (Exception)
#pragma warning restore CA1031
        {
            return text.Length > 0 ? text.ToString() : null;
        }

        var result = text.ToString().Trim();
        return result.Length == 0 ? null : result.Length > maxChars ? result[..maxChars] : result;
    }
}
