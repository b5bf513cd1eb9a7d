using System.Diagnostics;
using System.Text;

namespace PortCooperation.IntegrationTests.Infrastructure;

/// <summary>The outcome of a finished child process.</summary>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    public string AllOutput => StandardOutput + StandardError;
}

/// <summary>Runs a child process to completion, capturing both streams without deadlocking on full pipes.</summary>
public static class OsProcess
{
    /// <summary>
    /// Runs <paramref name="startInfo"/> and waits for it. <paramref name="limit"/> is a hang guard, not a
    /// timing assertion: a process still running then is killed (with its children) and reported as hung.
    /// </summary>
    public static async Task<ProcessResult> RunAsync(ProcessStartInfo startInfo, TimeSpan limit, string? standardInput = null)
    {
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        startInfo.RedirectStandardInput = true;
        startInfo.UseShellExecute = false;

        using var process = new Process { StartInfo = startInfo };
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(stderr, e.Data);
        process.Start();
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput);
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var guard = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException(
                $"'{Describe(startInfo)}' was still running after {limit.TotalSeconds:0}s and was killed.{Environment.NewLine}{stdout}{stderr}");
        }

        // The parameterless wait flushes the asynchronous readers, so no output is lost.
        await process.WaitForExitAsync();
        lock (stdout)
        {
            lock (stderr)
            {
                return new ProcessResult(process.ExitCode, stdout.ToString(), stderr.ToString());
            }
        }
    }

    public static string Describe(ProcessStartInfo startInfo) =>
        string.Join(' ', new[] { startInfo.FileName }.Concat(startInfo.ArgumentList));

    private static void Append(StringBuilder target, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (target)
        {
            target.AppendLine(line);
        }
    }
}
