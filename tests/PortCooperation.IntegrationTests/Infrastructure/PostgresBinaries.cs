using System.Diagnostics;
using System.Globalization;

namespace PortCooperation.IntegrationTests.Infrastructure;

/// <summary>
/// Finds the PostgreSQL server binaries (initdb, pg_ctl, postgres) on this machine and knows how to run
/// them: as the <c>postgres</c> OS user when the tests run as root, because the server refuses to run as root.
/// </summary>
public sealed class PostgresBinaries
{
    private static readonly string[] _serverTools = ["initdb", "pg_ctl", "postgres"];
    private static readonly Lazy<(PostgresBinaries? Binaries, string? Reason)> _located = new(Locate);

    private PostgresBinaries(string directory, bool runAsPostgresUser)
    {
        Directory = directory;
        RunAsPostgresUser = runAsPostgresUser;
    }

    public string Directory { get; }

    public bool RunAsPostgresUser { get; }

    /// <summary>The binaries of this machine, or null (see <see cref="UnavailableReason"/>).</summary>
    public static PostgresBinaries? Found => _located.Value.Binaries;

    /// <summary>Why no cluster can be started here, or null when it can.</summary>
    public static string? UnavailableReason => _located.Value.Reason;

    /// <summary>CI must never skip the PostgreSQL tests silently: there a missing server is a failure.</summary>
    public static bool IsCi =>
        Environment.GetEnvironmentVariable("CI") is { } ci &&
        (ci.Equals("true", StringComparison.OrdinalIgnoreCase) || ci == "1");

    /// <summary>A start-info for one of the server binaries, wrapped to run as <c>postgres</c> when needed.</summary>
    public ProcessStartInfo Command(string tool, params string[] arguments)
    {
        var executable = Path.Combine(Directory, tool);
        if (!RunAsPostgresUser)
        {
            var direct = new ProcessStartInfo(executable);
            foreach (var argument in arguments)
            {
                direct.ArgumentList.Add(argument);
            }

            return direct;
        }

        if (File.Exists("/usr/sbin/runuser") || File.Exists("/sbin/runuser"))
        {
            var runuser = new ProcessStartInfo(File.Exists("/usr/sbin/runuser") ? "/usr/sbin/runuser" : "/sbin/runuser");
            foreach (var argument in new[] { "-u", "postgres", "--", executable }.Concat(arguments))
            {
                runuser.ArgumentList.Add(argument);
            }

            return runuser;
        }

        var su = new ProcessStartInfo("su");
        su.ArgumentList.Add("postgres");
        su.ArgumentList.Add("-s");
        su.ArgumentList.Add("/bin/sh");
        su.ArgumentList.Add("-c");
        su.ArgumentList.Add(string.Join(' ', new[] { executable }.Concat(arguments).Select(ShellQuote)));
        return su;
    }

    /// <summary>Hands a folder to the <c>postgres</c> user so the server (not running as root) can write it.</summary>
    public async Task GiveToServerUserAsync(string folder)
    {
        if (!RunAsPostgresUser)
        {
            return;
        }

        var chown = new ProcessStartInfo("chown");
        chown.ArgumentList.Add("-R");
        chown.ArgumentList.Add("postgres:");
        chown.ArgumentList.Add(folder);
        var result = await OsProcess.RunAsync(chown, TimeSpan.FromMinutes(1));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"chown of {folder} to postgres failed: {result.AllOutput}");
        }
    }

    private static (PostgresBinaries?, string?) Locate()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return (null, "the PostgreSQL test cluster is only started on Linux or macOS");
        }

        var directory = Candidates().FirstOrDefault(HasServerBinaries);
        if (directory is null)
        {
            return (null,
                "PostgreSQL server binaries (initdb, pg_ctl, postgres) not found in $PG_BIN, /usr/lib/postgresql/*/bin or $PATH; " +
                "install them (Debian: apt-get install postgresql) or set PG_BIN to run the PostgreSQL tests");
        }

        var isRoot = Environment.UserName == "root";
        if (isRoot && !File.ReadLines("/etc/passwd").Any(line => line.StartsWith("postgres:", StringComparison.Ordinal)))
        {
            return (null, "the tests run as root, and PostgreSQL refuses to run as root, but there is no 'postgres' OS user to run it as");
        }

        return (new PostgresBinaries(directory, isRoot), null);
    }

    private static IEnumerable<string> Candidates()
    {
        if (Environment.GetEnvironmentVariable("PG_BIN") is { Length: > 0 } configured)
        {
            yield return configured;
        }

        if (System.IO.Directory.Exists("/usr/lib/postgresql"))
        {
            // Newest major version first: /usr/lib/postgresql/17/bin before /usr/lib/postgresql/15/bin.
            var versions = System.IO.Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : 0);
            foreach (var version in versions)
            {
                yield return Path.Combine(version, "bin");
            }
        }

        foreach (var entry in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            yield return entry;
        }
    }

    private static bool HasServerBinaries(string directory) =>
        _serverTools.All(tool => File.Exists(Path.Combine(directory, tool)));

    private static string ShellQuote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
