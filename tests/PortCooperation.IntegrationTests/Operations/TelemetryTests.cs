using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Infrastructure.Telemetry;
using PortCooperation.Web.Services.Mail;
using static PortCooperation.IntegrationTests.Registrations.RegistrationTestKit;

namespace PortCooperation.IntegrationTests.Operations;

/// <summary>
/// OpenTelemetry costs nothing unless an OTLP endpoint is configured; the portal's own counters (sent, retried,
/// dead-lettered, queue age, job results) are recorded whether or not anything exports them.
/// </summary>
public sealed class TelemetryTests
{
    [Fact]
    public void WithoutAnOtlpEndpoint_ThereIsNoTracerOrMeterProvider()
    {
        using var factory = new WebFactory();

        factory.Services.GetService<TracerProvider>().ShouldBeNull();
        factory.Services.GetService<MeterProvider>().ShouldBeNull();
    }

    [Fact]
    public void WithAnOtlpEndpoint_TracesAndMetricsAreSetUp()
    {
        using var factory = new WebFactory(settings: new Dictionary<string, string?> { [TelemetryServiceCollectionExtensions.EndpointSetting] = "http://127.0.0.1:4317" });

        factory.Services.GetService<TracerProvider>().ShouldNotBeNull();
        factory.Services.GetService<MeterProvider>().ShouldNotBeNull();
    }

    [Fact]
    public async Task WithAnOtlpEndpoint_EveryDatabaseCommandOfARequest_IsASpanInsideTheRequestsSpan()
    {
        using var factory = new WebFactory(settings: new Dictionary<string, string?> { [TelemetryServiceCollectionExtensions.EndpointSetting] = "http://127.0.0.1:4317" });
        var spans = new List<System.Diagnostics.Activity>();
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = source => source.Name == EntityFrameworkActivities.SourceName,
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = span =>
            {
                lock (spans)
                {
                    spans.Add(span);
                }
            },
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);

        using var response = await factory.CreateClient().GetAsync("/activities?q=telemetry");

        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        List<System.Diagnostics.Activity> ofRequest;
        lock (spans)
        {
            // Only this app's database: tests running beside this one trace their own commands too.
            ofRequest = [.. spans.Where(s => s.GetTagItem("db.namespace") is string file && file.StartsWith(factory.DataDirectory, StringComparison.Ordinal)
                && s.GetTagItem("db.query.text") is string sql && sql.Contains("Activities", StringComparison.Ordinal))];
        }

        ofRequest.ShouldNotBeEmpty("the page's queries are traced");
        ofRequest.ShouldAllBe(s => s.Kind == System.Diagnostics.ActivityKind.Client && s.ParentId != null && (string?)s.GetTagItem("db.system.name") == "sqlite");
    }

    [Fact]
    public async Task Outbox_CountsRetriedDeadLetteredAndSentMails_WithTheirQueueAge()
    {
        // A transport that refuses the first two tries and then takes the mail.
        var round = new Mock<IMailRound>();
        round.SetupSequence(r => r.SendAsync(It.IsAny<OutboxMessage>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new IOException("connection reset"))
            .ThrowsAsync(new IOException("connection reset"))
            .Returns(Task.CompletedTask);
        round.Setup(r => r.DisposeAsync()).Returns(ValueTask.CompletedTask);
        var transport = new Mock<IMailTransport>();
        transport.Setup(t => t.BeginRound()).Returns(round.Object);
        using var baseFactory = new WebFactory(settings: Settings(new Dictionary<string, string?> { ["Mail:MaxAttempts"] = "2", ["Mail:RetryBaseDelay"] = "00:01:00" }));
        using var factory = baseFactory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton(transport.Object)));
        using var recorded = new Recorder(factory.Services.GetRequiredService<IMeterFactory>());
        var activity = OpenActivity();
        await baseFactory.AddAsync(activity);
        using (var posted = await factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") })
            .PostRegistrationAsync(activity.Slug, Fields()))
        {
            posted.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        }

        await DeliverAsync(factory);                        // first try fails: retried
        baseFactory.Clock.Now = baseFactory.Clock.Now.AddMinutes(2);
        await DeliverAsync(factory);                        // second and last try fails: dead-lettered
        recorded.Total("portal.mail.retried").ShouldBe(1);
        recorded.Total("portal.mail.dead_lettered").ShouldBe(1);
        recorded.Total("portal.mail.sent").ShouldBe(0);

        var mail = (await baseFactory.OutboxAsync()).ShouldHaveSingleItem();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().ResendAsync(mail.Id, CancellationToken.None)).ShouldBeTrue();
        }

        baseFactory.Clock.Now = baseFactory.Clock.Now.AddMinutes(3);
        await DeliverAsync(factory);
        recorded.Total("portal.mail.sent").ShouldBe(1);
        recorded.Values("portal.mail.queue_age").ShouldHaveSingleItem().ShouldBe((baseFactory.Clock.Now.UtcDateTime - mail.CreatedAtUtc).TotalSeconds, 0.001);
    }

    [Fact]
    public async Task ReminderJob_CountsTheMailsItQueued()
    {
        using var factory = new WebFactory(settings: Settings());
        using var recorded = new Recorder(factory.Services.GetRequiredService<IMeterFactory>());
        var activity = OpenActivity();
        await factory.AddAsync(activity);
        using (var posted = await factory.CreateBrowserLikeClient().PostRegistrationAsync(activity.Slug, Fields()))
        {
            posted.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        }

        factory.Clock.Now = new DateTimeOffset(activity.StartsAtUtc.AddHours(-2), TimeSpan.Zero);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<PortCooperation.Web.Services.Registrations.ReminderJob>().RunAsync(CancellationToken.None)).ShouldBe(1);
        }

        recorded.Total("portal.jobs.items", ("job", "Reminder")).ShouldBe(1);
    }

    private static async Task DeliverAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DeliverDueAsync(CancellationToken.None);
    }

    /// <summary>Listens to the portal's meter of one app only (its <see cref="IMeterFactory"/>), as an exporter would.</summary>
    private sealed class Recorder : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly List<(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)> _measurements = [];

        public Recorder(IMeterFactory app)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == PortalMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, app))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
            _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
            _listener.Start();
        }

        public long Total(string instrument, params (string Key, string Value)[] tags)
        {
            lock (_measurements)
            {
                return (long)_measurements
                    .Where(m => m.Instrument == instrument && tags.All(t => m.Tags.Any(x => x.Key == t.Key && Equals(x.Value, t.Value))))
                    .Sum(m => m.Value);
            }
        }

        public List<double> Values(string instrument)
        {
            lock (_measurements)
            {
                return [.. _measurements.Where(m => m.Instrument == instrument).Select(m => m.Value)];
            }
        }

        public void Dispose() => _listener.Dispose();

        private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            lock (_measurements)
            {
                _measurements.Add((instrument.Name, value, tags.ToArray()));
            }
        }
    }
}
