using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Data.Sqlite;
using PortCooperation.IntegrationTests.Infrastructure;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;
using static PortCooperation.IntegrationTests.Registrations.RegistrationTestKit;

namespace PortCooperation.IntegrationTests.Operations;

/// <summary>
/// R10: SIGTERM under load drops no accepted request. The built app runs as its own process (Production,
/// SQLite). Workers load its public pages (uncached, so requests take real work) while registration POSTs are held
/// half-sent; then the process gets SIGTERM. Kestrel must close its listener (new connections refused), answer every
/// request it had accepted — the held registrations are completed after the signal and stored — and the process must
/// exit 0 with no error logged (the outbox and page-view services stop cleanly).
/// </summary>
public sealed class GracefulShutdownTests : IDisposable
{
    private const int Workers = 24;
    private const int HeldRegistrations = 6;
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(2);
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "portal-tests", "shutdown-" + Guid.NewGuid().ToString("N")[..12]);

    public GracefulShutdownTests() => Directory.CreateDirectory(_dataDirectory);

    [Fact]
    public async Task Sigterm_UnderLoad_AnswersEveryAcceptedRequest_StoresHeldRegistrations_AndExits0()
    {
        var activity = OpenActivity(a =>
        {
            a.StartsAtUtc = DateTime.UtcNow.AddDays(10);
            a.EndsAtUtc = a.StartsAtUtc.AddHours(2);
            a.RegistrationOpensAtUtc = DateTime.UtcNow.AddDays(-1);
            a.Capacity = 1000;
        });
        using (var arrange = OnTheSameData())
        {
            await arrange.AddAsync(activity);
        }

        SqliteConnection.ClearAllPools();
        await using var portal = RunningPortal.Start(_dataDirectory, new Dictionary<string, string>
        {
            ["Database__SeedDemoData"] = "false",
            ["Security__AllowInsecureCookies"] = "true",
            ["RateLimiting__RegistrationPerNetwork__PermitLimit"] = "1000",
            ["RateLimiting__RegistrationPerActivity__PermitLimit"] = "1000",
            ["RateLimiting__Search__PermitLimit"] = "1000000",
            ["Mail__PollInterval"] = "00:00:00.200",
            // Kestrel's connection log says why a connection ended (closed idle, aborted at the shutdown timeout…);
            // it is part of the output a failure shows.
            ["Serilog__MinimumLevel__Override__Microsoft.AspNetCore.Server.Kestrel"] = "Debug",
            // What the test shows is that accepted requests are finished, not how fast a loaded machine finishes
            // them: a CI runner at load 40 needed more than the default 25 s for the six held registrations (the
            // first one alone took 13 s, cold code and starved CPU). Well under the hang guard. To see the test fail
            // when the portal drops accepted requests: R10_SHUTDOWN_TIMEOUT=00:00:00 (bench/README.md, R10).
            ["Hosting__ShutdownTimeout"] = Environment.GetEnvironmentVariable("R10_SHUTDOWN_TIMEOUT") ?? "00:01:30",
        });
        // Start-up (migrations, seeding, JIT) on a loaded CI runner has taken over two minutes: a hang guard only.
        await portal.WaitUntilReadyAsync(TimeSpan.FromMinutes(5));

        // The registration forms' tokens first; then load: workers request uncached pages until the portal refuses
        // their connection.
        using var formClient = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer(), Expect100ContinueTimeout = Guard }) { BaseAddress = portal.BaseAddress };
        var tokens = new List<string>();
        for (var i = 0; i < HeldRegistrations; i++)
        {
            tokens.Add(await formClient.FormTokenAsync(activity.Slug));
        }

        var load = new LoadOutcome();
        using var loadClient = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, MaxConnectionsPerServer = Workers }) { BaseAddress = portal.BaseAddress, Timeout = Guard };
        string[] pages = ["/", "/activities", $"/activities/{activity.Slug}", "/library", "/library?q=port", "/member-states", "/statistics", "/health/live"];
        var workers = Enumerable.Range(0, Workers).Select(w => Task.Run(() => WorkAsync(loadClient, pages, w, load))).ToArray();
        using (var guard = new CancellationTokenSource(Guard))
        {
            while (load.Answered < 100)
            {
                load.Failures.ShouldBeEmpty();
                await Task.Delay(50, guard.Token);
            }
        }

        // Then registrations whose body is half-sent until the signal has closed the listener (the rest trickles
        // meanwhile, so Kestrel's minimum request body rate holds on a slow machine). They carry
        // "Expect: 100-continue", so the client sends the body only once Kestrel answers "100 Continue", which it does
        // when the application starts reading the body: the request has been parsed and accepted. Without that, the
        // signal could come while the request still sat unread in the socket's receive buffer; Kestrel then closes
        // that connection as idle, unread, and the kernel resets it — a request the portal never accepted (the CI
        // failure of 23 Nov, "reset mid-body one second after SIGTERM"; see bench/README.md, R10).
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = new List<(Task<HttpResponseMessage> Response, Task HeadSent)>();
        for (var i = 0; i < HeldRegistrations; i++)
        {
            var fields = new Dictionary<string, string>(Fields(email: $"held{i}@example.org")) { ["__RequestVerificationToken"] = tokens[i] };
            var content = new HeldFormContent(fields, release.Task);
            var post = new HttpRequestMessage(HttpMethod.Post, $"/activities/{activity.Slug}/register") { Content = content };
            post.Headers.ExpectContinue = true;
            held.Add((formClient.SendAsync(post), content.HeadSent));
        }

        await Task.WhenAll(held.Select(h => h.HeadSent)).WaitAsync(Guard);
        load.SigtermSent = true;
        await portal.SendSigtermAsync();
        using (var guard = new CancellationTokenSource(Guard))
        {
            while (!await portal.RefusesConnectionsAsync())
            {
                await Task.Delay(50, guard.Token);
            }
        }

        release.SetResult();
        HttpResponseMessage[] heldResponses;
        try
        {
            heldResponses = await Task.WhenAll(held.Select(h => h.Response)).WaitAsync(Guard);
        }
        catch (HttpRequestException ex)
        {
            throw new InvalidOperationException($"A held registration failed; the portal said:{Environment.NewLine}{portal.Output}", ex);
        }

        await Task.WhenAll(workers).WaitAsync(Guard);
        var exitCode = await portal.WaitForExitAsync(Guard);

        load.Failures.ShouldBeEmpty("every request the portal accepted gets its answer, none is reset");
        load.AnsweredAfterSigterm.ShouldBeGreaterThan(0, "requests were in flight when the signal came");
        load.Refused.ShouldBe(Workers, "each worker stops when the closed listener refuses it");
        heldResponses.Select(r => r.StatusCode).ShouldAllBe(s => s == HttpStatusCode.Redirect, "a registration half-sent at SIGTERM completes");
        exitCode.ShouldBe(0, portal.Output);
        portal.Output.ShouldContain("Application is shutting down");
        portal.Output.ShouldNotContain(" ERR]");
        portal.Output.ShouldNotContain(" FTL]");
        foreach (var response in heldResponses)
        {
            response.Dispose();
        }

        using var check = OnTheSameData();
        (await check.RegistrationsAsync(activity.Id)).Count.ShouldBe(HeldRegistrations, "the held registrations were stored");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left in the OS temp folder.
        }
    }

    private static async Task WorkAsync(HttpClient client, string[] pages, int worker, LoadOutcome load)
    {
        for (var n = 0; ; n++)
        {
            var page = pages[(worker + n) % pages.Length];
            var url = page + (page.Contains('?', StringComparison.Ordinal) ? "&" : "?") + $"load={worker}-{n}";
            var startedBeforeSigterm = !load.SigtermSent;
            try
            {
                using var response = await client.GetAsync(url);
                await response.Content.ReadAsByteArrayAsync();
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    load.Fail($"{url}: HTTP {(int)response.StatusCode}");
                    return;
                }

                load.Answer(startedBeforeSigterm && load.SigtermSent);
            }
            catch (HttpRequestException ex) when (IsRefused(ex))
            {
                // Never accepted: the listener is closed. Exactly what a stopping server does.
                load.Refuse();
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException)
            {
                load.Fail($"{url}: {ex.GetType().Name}: {ex.Message} {ex.InnerException?.Message}");
                return;
            }
        }
    }

    /// <summary>
    /// The connection was never accepted: refused, or reset while connecting (queued in the listener's backlog when
    /// the listener closed). HttpClient reports both as a connection error, distinct from a reset of an accepted
    /// request (response ended / IO error), which stays a failure.
    /// </summary>
    private static bool IsRefused(Exception? ex)
    {
        if (ex is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError })
        {
            return true;
        }

        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
            {
                return true;
            }
        }

        return false;
    }

    private WebFactory OnTheSameData() => new(settings: new Dictionary<string, string?>
    {
        ["Data:Directory"] = _dataDirectory,
        ["Serilog:WriteTo:1:Args:path"] = Path.Combine(_dataDirectory, "logs", "portal-.log"),
    });

    private sealed class LoadOutcome
    {
        private int _answered;
        private int _answeredAfterSigterm;
        private int _refused;
        private volatile bool _sigtermSent;

        public List<string> Failures { get; } = [];

        public int Answered => Volatile.Read(ref _answered);

        public int AnsweredAfterSigterm => Volatile.Read(ref _answeredAfterSigterm);

        public int Refused => Volatile.Read(ref _refused);

        public bool SigtermSent
        {
            get => _sigtermSent;
            set => _sigtermSent = value;
        }

        public void Answer(bool inFlightAtSigterm)
        {
            Interlocked.Increment(ref _answered);
            if (inFlightAtSigterm)
            {
                Interlocked.Increment(ref _answeredAfterSigterm);
            }
        }

        public void Refuse() => Interlocked.Increment(ref _refused);

        public void Fail(string failure)
        {
            lock (Failures)
            {
                Failures.Add(failure);
            }
        }
    }

    /// <summary>
    /// A urlencoded form whose last field is padding: the fields go at once, then the padding trickles (512 bytes
    /// every 50 ms, far above Kestrel's minimum request body rate of 240 bytes/s) until <c>release</c> completes, then the rest goes.
    /// </summary>
    private sealed class HeldFormContent : HttpContent
    {
        private const int PaddingLength = 3 * 1024 * 1024;
        private readonly byte[] _head;
        private readonly Task _release;
        private readonly TaskCompletionSource _headSent = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public HeldFormContent(Dictionary<string, string> fields, Task release)
        {
            var encoded = string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));
            _head = Encoding.ASCII.GetBytes(encoded + "&Padding=");
            _release = release;
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        }

        public Task HeadSent => _headSent.Task;

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(_head);
            await stream.FlushAsync();
            _headSent.TrySetResult();
            var chunk = new byte[512];
            Array.Fill(chunk, (byte)'x');
            var left = PaddingLength;
            while (!_release.IsCompleted && left > chunk.Length)
            {
                await stream.WriteAsync(chunk);
                await stream.FlushAsync();
                left -= chunk.Length;
                await Task.WhenAny(_release, Task.Delay(50));
            }

            var rest = new byte[left];
            Array.Fill(rest, (byte)'x');
            await stream.WriteAsync(rest);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _head.Length + PaddingLength;
            return true;
        }
    }
}
