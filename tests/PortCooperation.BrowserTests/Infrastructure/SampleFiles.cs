namespace PortCooperation.BrowserTests.Infrastructure;

/// <summary>The sample files the product ships under tests/fixtures, copied beside the test assembly.</summary>
public static class SampleFiles
{
    public static string PathFor(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", name);
}
