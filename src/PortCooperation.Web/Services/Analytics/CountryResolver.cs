using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;

namespace PortCooperation.Web.Services.Analytics;

/// <summary>
/// The visitor's country, from a header set by a trusted proxy (Analytics:CountryHeader, e.g. CF-IPCountry) or else
/// from an operator-supplied CSV of IP ranges (Analytics:IpCountryCsv: <c>start,end,code</c> per line, where start
/// and end are IPv4/IPv6 addresses or integers). Lookups are a binary search in memory, never a database query.
/// </summary>
public sealed class CountryResolver
{
    private readonly string? _header;
    private readonly Lazy<Range[]> _ranges;

    public CountryResolver(IOptions<AnalyticsOptions> options, IHostEnvironment environment, ILogger<CountryResolver> logger)
    {
        _header = options.Value.CountryHeader is { Length: > 0 } header ? header : null;
        var csv = options.Value.IpCountryCsv;
        _ranges = new Lazy<Range[]>(() => string.IsNullOrWhiteSpace(csv) ? [] : Load(Path.Combine(environment.ContentRootPath, csv), logger));
    }

    public string? Resolve(HttpRequest request, IPAddress? address)
    {
        if (_header is not null && Normalise(request.Headers[_header].ToString()) is { } fromHeader)
        {
            return fromHeader;
        }

        var ranges = _ranges.Value;
        if (address is null || ranges.Length == 0)
        {
            return null;
        }

        var value = ToNumber(address);
        int low = 0, high = ranges.Length - 1;
        while (low <= high)
        {
            var middle = low + (high - low) / 2;
            var range = ranges[middle];
            if (value < range.Start)
            {
                high = middle - 1;
            }
            else if (value > range.End)
            {
                low = middle + 1;
            }
            else
            {
                return range.Code;
            }
        }

        return null;
    }

    /// <summary>Two ASCII letters, upper case; the proxies' "XX"/"T1" (unknown, Tor) and anything else are null.</summary>
    public static string? Normalise(string? code) =>
        code is { Length: 2 } && char.IsAsciiLetter(code[0]) && char.IsAsciiLetter(code[1]) && !code.Equals("XX", StringComparison.OrdinalIgnoreCase)
            ? code.ToUpperInvariant()
            : null;

    private static Range[] Load(string path, ILogger logger)
    {
        if (!File.Exists(path))
        {
            logger.LogWarning("Analytics:IpCountryCsv names a file that does not exist; countries come from the header only");
            return [];
        }

        var ranges = new List<Range>();
        foreach (var line in File.ReadLines(path))
        {
            var parts = line.Split(',', StringSplitOptions.TrimEntries);
            if (parts.Length >= 3 && Parse(parts[0].Trim('"')) is { } start && Parse(parts[1].Trim('"')) is { } end
                && Normalise(parts[2].Trim('"')) is { } code && start <= end)
            {
                ranges.Add(new Range(start, end, code));
            }
        }

        return [.. ranges.OrderBy(r => r.Start)];
    }

    private static UInt128? Parse(string text)
    {
        if (UInt128.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        return IPAddress.TryParse(text, out var address) ? ToNumber(address) : null;
    }

    /// <summary>IPv4 addresses (and IPv4-mapped IPv6) are numbers below 2^32; IPv6 addresses are their 128-bit value.</summary>
    private static UInt128 ToNumber(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var bytes = address.GetAddressBytes();
        UInt128 value = 0;
        foreach (var b in bytes)
        {
            value = (value << 8) | b;
        }

        return value;
    }

    private readonly record struct Range(UInt128 Start, UInt128 End, string Code);
}
