namespace PortCooperation.BrowserTests.Infrastructure;

/// <summary>Where browser tests put screenshots for a person to look at: $REPORT_SCREENSHOTS, else the system temp
/// folder's report-screenshots.</summary>
public static class Screenshots
{
    public static string PathFor(string name)
    {
        var folder = Environment.GetEnvironmentVariable("REPORT_SCREENSHOTS") ?? Path.Combine(Path.GetTempPath(), "report-screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name + ".png");
    }
}
