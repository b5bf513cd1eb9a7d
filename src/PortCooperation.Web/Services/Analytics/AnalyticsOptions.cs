namespace PortCooperation.Web.Services.Analytics;

/// <summary>Settings of the first-party analytics (section "Analytics").</summary>
public sealed class AnalyticsOptions
{
    public const string SectionName = "Analytics";

    /// <summary>Record page views at all. Off in the Testing environment, so other tests' SQL counts stay exact.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Request header a proxy sets to the visitor's ISO country code (e.g. CF-IPCountry), or empty.</summary>
    public string? CountryHeader { get; set; }

    /// <summary>Optional operator-supplied CSV of IP ranges: start,end,code per line (addresses or integers).</summary>
    public string? IpCountryCsv { get; set; }

    /// <summary>Views held in memory waiting to be written; beyond it new views are dropped, never the page.</summary>
    public int BufferCapacity { get; set; } = 10_000;

    /// <summary>Views written per database round trip.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>How long the writer lets views gather before it writes them.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A visit ends after this much inactivity.</summary>
    public TimeSpan SessionTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Case-insensitive substrings of the User-Agent that mark a bot (replaces the defaults when set).</summary>
    public string[]? BotPatterns { get; set; }

    /// <summary>Path prefixes never recorded (replaces the defaults when set).</summary>
    public string[]? ExcludedPaths { get; set; }

    public static readonly string[] DefaultBotPatterns =
    [
        "bot", "crawler", "spider", "slurp", "crawl", "headless", "lighthouse", "pingdom", "uptime", "monitor",
        "curl/", "wget/", "python-requests", "python-urllib", "httpclient", "okhttp", "java/", "go-http-client",
        "libwww", "scrapy", "facebookexternalhit", "embedly", "preview", "feedfetcher", "validator", "axios/",
    ];

    public static readonly string[] DefaultExcludedPaths =
    [
        "/admin", "/identity", "/api", "/health", "/openapi", "/feeds", "/feed", "/rss", "/sitemap", "/language",
        "/analytics", "/error", "/lib", "/css", "/js", "/images", "/favicon",
    ];
}
