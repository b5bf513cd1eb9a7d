using System.Diagnostics;
using System.Net.Sockets;
using System.Text.Json;
using PortCooperation.IntegrationTests.Infrastructure;

namespace PortCooperation.IntegrationTests.Mail;

/// <summary>
/// A real SMTP server on a free loopback port: Debian's aiosmtpd running <c>smtp_sink.py</c>, which stores each
/// received mail as JSON. It can be stopped and started again on the same port, to show what the outbox does while
/// the mail server is down.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";
    private Process? _process;

    public SmtpSink()
    {
        Port = PostgresCluster.FreeLoopbackPort();
        Folder = Path.Combine(Path.GetTempPath(), "portal-tests", "smtp-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Folder);
    }

    public int Port { get; }

    public string Folder { get; }

    /// <summary>Why the sink cannot run here, or null.</summary>
    public static string? UnavailableReason =>
        File.Exists(Python) && Directory.GetDirectories("/usr/lib/python3/dist-packages", "aiosmtpd").Length > 0
            ? null
            : "the SMTP sink needs Debian's python3-aiosmtpd (apt-get install python3-aiosmtpd)";

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Mail", "smtp_sink.py"));
        start.ArgumentList.Add(Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.ArgumentList.Add(Folder);
        _process = Process.Start(start)!;
        var ready = await _process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        if (ready != "READY")
        {
            throw new InvalidOperationException("SMTP sink did not start: " + await _process.StandardError.ReadToEndAsync());
        }

        using var probe = new TcpClient();
        await probe.ConnectAsync("127.0.0.1", Port);
    }

    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    public IReadOnlyList<ReceivedMail> Messages() =>
        [.. Directory.GetFiles(Folder, "*.json")
            .Select(f => JsonSerializer.Deserialize<ReceivedMail>(File.ReadAllText(f), JsonOptions)!)
            .OrderBy(m => m.MessageId, StringComparer.Ordinal)];

    /// <summary>App settings that point the portal's SMTP transport at this sink.</summary>
    public Dictionary<string, string?> AppSettings() => new()
    {
        ["Mail:Transport"] = "Smtp",
        ["Mail:SmtpHost"] = "127.0.0.1",
        ["Mail:SmtpPort"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };
}

public sealed record ReceivedMail(
    string From, List<string> To, string Subject, string MessageId, string IdempotencyKey, string? Text, string? Html, List<ReceivedAttachment> Attachments);

public sealed record ReceivedAttachment(string? Filename, string ContentType, string Content);

/// <summary>A test that needs the SMTP sink: skipped where aiosmtpd is missing, except in CI where that fails.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SmtpFactAttribute : FactAttribute
{
    public SmtpFactAttribute()
    {
        if (SmtpSink.UnavailableReason is { } reason && !PostgresBinaries.IsCi)
        {
            Skip = "SMTP test skipped: " + reason + ".";
        }
    }
}
