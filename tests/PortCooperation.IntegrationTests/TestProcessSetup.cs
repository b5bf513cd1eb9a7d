using System.Runtime.CompilerServices;

namespace PortCooperation.IntegrationTests;

/// <summary>
/// Runs before any test: every app host the tests start would otherwise watch its configuration and content files
/// with inotify, and a few hundred hosts exhaust the kernel's per-user limit (128 on Debian). Tests never edit those
/// files while running, so hosts read configuration once and file providers poll instead of watching.
/// </summary>
internal static class TestProcessSetup
{
    [ModuleInitializer]
    internal static void Initialize()
    {
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }
}
