using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace PortCooperation.IntegrationTests.Infrastructure;

/// <summary>
/// The built app started as its own long-running process (<c>dotnet PortCooperation.Web.dll</c>, Production, on a
/// free loopback port), for what only a real process shows: signals, exit codes, listening sockets. Disposing
/// kills it if it is still running.
/// </summary>
public sealed class RunningPortal : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private RunningPortal(Process process, int port)
    {
        _process = process;
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    public int Port { get; }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    /// <summary>Console output (standard output and error) so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static RunningPortal Start(string dataDirectory, IDictionary<string, string> environment)
    {
        var port = PostgresCluster.FreeLoopbackPort();
        var startInfo = PortalProcess.StartInfo(dataDirectory, environment, port);
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        startInfo.RedirectStandardInput = true;
        startInfo.UseShellExecute = false;
        var process = new Process { StartInfo = startInfo };
        var portal = new RunningPortal(process, port);
        process.OutputDataReceived += (_, e) => portal.Append(e.Data);
        process.ErrorDataReceived += (_, e) => portal.Append(e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return portal;
    }

    /// <summary>Polls <c>/health/ready</c> until it answers 200 (hang guard: <paramref name="limit"/>).</summary>
    public async Task WaitUntilReadyAsync(TimeSpan limit)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        using var guard = new CancellationTokenSource(limit);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The portal exited with code {_process.ExitCode} before it was ready:{Environment.NewLine}{Output}");
            }

            try
            {
                using var response = await client.GetAsync("/health/ready", guard.Token);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (OperationCanceledException) when (guard.IsCancellationRequested)
            {
                throw new TimeoutException($"The portal was not ready after {limit.TotalSeconds:0}s:{Environment.NewLine}{Output}");
            }

            try
            {
                await Task.Delay(200, guard.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The portal was not ready after {limit.TotalSeconds:0}s:{Environment.NewLine}{Output}");
            }
        }
    }

    /// <summary>Sends SIGTERM, as <c>docker stop</c>, systemd and Kubernetes do.</summary>
    public async Task SendSigtermAsync()
    {
        var kill = new ProcessStartInfo("kill") { UseShellExecute = false };
        kill.ArgumentList.Add("-TERM");
        kill.ArgumentList.Add(_process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var result = await OsProcess.RunAsync(kill, TimeSpan.FromSeconds(30));
        result.ExitCode.ShouldBe(0, result.AllOutput);
    }

    /// <summary>
    /// True once a new TCP connection to the portal's port is refused (the listener is closed). A reset while
    /// connecting means the same: the kernel had queued the connection in the listener's backlog and the listener
    /// closed before the app accepted it (seen in CI), so no request on it was ever accepted.
    /// </summary>
    public async Task<bool> RefusesConnectionsAsync()
    {
        using var socket = new TcpClient();
        try
        {
            await socket.ConnectAsync("127.0.0.1", Port);
            return false;
        }
        catch (SocketException ex) when (ex.SocketErrorCode is SocketError.ConnectionRefused or SocketError.ConnectionReset)
        {
            return true;
        }
    }

    /// <summary>Waits for the process to exit and returns its exit code (hang guard: <paramref name="limit"/>).</summary>
    public async Task<int> WaitForExitAsync(TimeSpan limit)
    {
        using var guard = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The portal was still running {limit.TotalSeconds:0}s after it was told to stop:{Environment.NewLine}{Output}");
        }

        // The parameterless wait flushes the asynchronous readers, so no output is lost.
        await _process.WaitForExitAsync();
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
