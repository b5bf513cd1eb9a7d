using PortCooperation.Web.Data;
using PortCooperation.Web.Infrastructure;

// Until the host exists, the bootstrap logger reports; once it is built, the host's own logger (file and console,
// from configuration) does, so a failure while the database is being reached is in the log file like any other line.
using var bootstrapLogger = LoggingExtensions.CreateBootstrapLogger();
var startupLog = bootstrapLogger.ForContext(Serilog.Core.Constants.SourceContextPropertyName, LoggingExtensions.StartupSource);
try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddPortalLogging();
    builder.AddPortalServices();

    var app = builder.Build();
    startupLog = app.Services.GetRequiredService<Serilog.ILogger>().ForContext(Serilog.Core.Constants.SourceContextPropertyName, LoggingExtensions.StartupSource);
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
    // One clear line saying what to fix, not a stack trace.
    startupLog.Fatal("PortCooperation cannot start: {Reason}", ex.Message);
    Environment.ExitCode = 1;
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    // Anything else unexpected at start-up (the EF tools' HostAbortedException is how they stop the host, not a failure).
    startupLog.Fatal(ex, "PortCooperation stopped unexpectedly");
    Environment.ExitCode = 1;
}

public partial class Program;
