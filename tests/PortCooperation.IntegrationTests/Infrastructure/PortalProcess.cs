using System.Diagnostics;

namespace PortCooperation.IntegrationTests.Infrastructure;

/// <summary>
/// Runs the built app as its own process (<c>dotnet PortCooperation.Web.dll</c>), the way an operator
/// starts it, for what WebApplicationFactory cannot show: exit codes, console output, commands that exit.
/// </summary>
public static class PortalProcess
{
    /// <summary>
    /// Starts the app with <paramref name="environment"/> added to this process's environment and waits for it to
    /// exit. The app's data folder and log file go to <paramref name="dataDirectory"/>; it listens (if it ever
    /// does) on a free loopback port. An app still running after two minutes is killed and reported as hung.
    /// </summary>
    public static Task<ProcessResult> RunAsync(string dataDirectory, IDictionary<string, string> environment, params string[] arguments) =>
        RunWithInputAsync(dataDirectory, environment, null, arguments);

    /// <summary>As <see cref="RunAsync"/>, with <paramref name="standardInput"/> written to the app's standard input.</summary>
    public static Task<ProcessResult> RunWithInputAsync(string dataDirectory, IDictionary<string, string> environment, string? standardInput, params string[] arguments) =>
        OsProcess.RunAsync(StartInfo(dataDirectory, environment, PostgresCluster.FreeLoopbackPort(), arguments), TimeSpan.FromMinutes(2), standardInput);

    /// <summary>How the app is started: Production, listening on <paramref name="port"/>, data and logs in <paramref name="dataDirectory"/>.</summary>
    public static ProcessStartInfo StartInfo(string dataDirectory, IDictionary<string, string> environment, int port, params string[] arguments)
    {
        // The build copies the app with its deps.json and runtimeconfig.json next to the tests.
        var app = Path.Combine(AppContext.BaseDirectory, "PortCooperation.Web.dll");
        var startInfo = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory };
        startInfo.ArgumentList.Add(app);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        startInfo.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        startInfo.Environment["Data__Directory"] = dataDirectory;
        startInfo.Environment["Serilog__WriteTo__1__Args__path"] = Path.Combine(dataDirectory, "logs", "portal-.log");
        // Test addresses are at example.org, whose DNS says it takes no mail: the form's DNS check stays off.
        startInfo.Environment["Registration__CheckMailDomains"] = "false";
        foreach (var (key, value) in environment)
        {
            startInfo.Environment[key] = value;
        }

        return startInfo;
    }
}
