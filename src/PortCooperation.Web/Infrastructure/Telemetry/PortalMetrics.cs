using System.Diagnostics.Metrics;

namespace PortCooperation.Web.Infrastructure.Telemetry;

/// <summary>
/// The portal's own counters (meter "PortCooperation"): what the outbox delivered, retried and gave up on, how long
/// mails waited, and what the periodic jobs queued. Created through <see cref="IMeterFactory"/>, so each host (and
/// each test's app) has its own instruments. Recording costs next to nothing while nobody listens: without an
/// OTLP endpoint nothing does.
/// </summary>
public sealed class PortalMetrics
{
    public const string MeterName = "PortCooperation";

    private readonly Counter<long> _sent;
    private readonly Counter<long> _retried;
    private readonly Counter<long> _deadLettered;
    private readonly Histogram<double> _queueAge;
    private readonly Counter<long> _jobItems;

    public PortalMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _sent = meter.CreateCounter<long>("portal.mail.sent", "{mail}", "Mails the outbox handed to the mail server");
        _retried = meter.CreateCounter<long>("portal.mail.retried", "{mail}", "Failed deliveries that will be tried again");
        _deadLettered = meter.CreateCounter<long>("portal.mail.dead_lettered", "{mail}", "Mails given up on after the last try (staff can resend them)");
        _queueAge = meter.CreateHistogram<double>("portal.mail.queue_age", "s", "Time from queuing a mail to its delivery");
        _jobItems = meter.CreateCounter<long>("portal.jobs.items", "{item}", "What a periodic job did: mails queued, registrations anonymised");
    }

    public void MailSent(DateTime createdAtUtc, DateTime sentAtUtc)
    {
        _sent.Add(1);
        _queueAge.Record(Math.Max(0, (sentAtUtc - createdAtUtc).TotalSeconds));
    }

    /// <summary>A failed try: retried later, or dead-lettered when it was the last one.</summary>
    public void MailFailed(bool deadLettered)
    {
        if (deadLettered)
        {
            _deadLettered.Add(1);
        }
        else
        {
            _retried.Add(1);
        }
    }

    /// <summary>A periodic job's result, tagged with the job ("Reminder", "AfterEvent", "Retention").</summary>
    public void JobDone(string job, int items) => _jobItems.Add(items, new KeyValuePair<string, object?>("job", job));
}
