using PortCooperation.Web.Data;
using PortCooperation.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
try
{
    builder.AddPortalLogging();
    builder.AddPortalServices();

    var app = builder.Build();
    if (await app.RunCommandIfRequestedAsync(args))
    {
        return;
    }

    await app.InitialiseDatabaseAsync();
    app.UsePortalPipeline();
    await app.RunAsync();
}
catch (StartupConfigurationException ex)
{
    // One clear line saying what to fix, not a stack trace (issue 2, point 2).
    await Console.Error.WriteLineAsync($"PortCooperation cannot start: {ex.Message}");
    Environment.ExitCode = 1;
}

public partial class Program;
