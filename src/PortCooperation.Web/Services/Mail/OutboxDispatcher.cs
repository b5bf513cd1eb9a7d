using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Infrastructure.Telemetry;

namespace PortCooperation.Web.Services.Mail;

/// <summary>
/// Delivers due outbox mails. Each mail is first claimed with a lease (one conditional UPDATE), so two delivery
/// processes never send the same mail at the same time, and a process that dies mid-send leaves a claim that
/// expires, after which the mail is delivered again (at-least-once, with the same Message-ID). A failure schedules
/// the next try after an exponentially growing wait; after <see cref="MailOptions.MaxAttempts"/> tries the mail
/// stays in the dead-letter state, visible to staff, until someone resends it; a permanent refusal by the server
/// (5xx) puts it there at once, with the server's answer.
/// </summary>
public sealed class OutboxDispatcher(PortalDbContext db, IMailTransport transport, TimeProvider clock, IOptions<MailOptions> options, ILogger<OutboxDispatcher> logger, PortalMetrics metrics)
{
    private readonly MailOptions _options = options.Value;

    /// <summary>Identifies this process in <see cref="OutboxMessage.LockedBy"/>.</summary>
    public static string Instance { get; } = $"{Environment.ProcessId}:{Guid.NewGuid():N}:{Environment.MachineName}" is var name && name.Length > 100 ? name[..100] : name;

    /// <summary>Delivers every mail that is due now; returns how many were sent.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await Due(now).OrderBy(m => m.Id).Select(m => m.Id).Take(_options.BatchSize).ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        // One round, one SMTP connection for all its mails.
        await using var round = transport.BeginRound();
        var sent = 0;
        foreach (var id in due)
        {
            // Stopping: finish the mail in hand, claim no more (the rest stays pending for the next start).
            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            if (await DeliverAsync(round, id, now, cancellationToken))
            {
                sent++;
            }
        }

        return sent;
    }

    private IQueryable<OutboxMessage> Due(DateTime now) => db.OutboxMessages.Where(m =>
        (m.Status == OutboxStatus.Pending && m.NextAttemptAtUtc <= now)
        || (m.Status == OutboxStatus.Sending && m.LockedUntilUtc < now));

    private async Task<bool> DeliverAsync(IMailRound round, long id, DateTime now, CancellationToken cancellationToken)
    {
        var leaseUntil = now + _options.Lease;
        var claimed = await Due(now).Where(m => m.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, OutboxStatus.Sending)
            .SetProperty(m => m.LockedBy, Instance)
            .SetProperty(m => m.LockedUntilUtc, leaseUntil)
            .SetProperty(m => m.Attempts, m => m.Attempts + 1), cancellationToken);
        if (claimed == 0)
        {
            return false;
        }

        var message = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, CancellationToken.None);
        try
        {
            await round.SendAsync(message, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The process is stopping mid-send: give the claim back at once (the attempt did not count) instead of
            // leaving it to expire after the lease, so the next start or another instance sends it without delay.
            await Mine(id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Pending)
                .SetProperty(m => m.Attempts, m => m.Attempts - 1)
                .SetProperty(m => m.LockedBy, (string?)null)
                .SetProperty(m => m.LockedUntilUtc, (DateTime?)null), CancellationToken.None);
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A permanent refusal (5xx) would only be repeated: dead-lettered at once, with the server's answer.
            var permanent = ex is PermanentMailFailureException;
            var dead = permanent || message.Attempts >= _options.MaxAttempts;
            var retryAt = now + TimeSpan.FromTicks(_options.RetryBaseDelay.Ticks * (1L << Math.Min(message.Attempts - 1, 20)));
            var error = permanent ? "Refused by the mail server: " + ex.Message : $"{ex.GetType().Name}: {ex.Message}";
            await Mine(id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, dead ? OutboxStatus.DeadLetter : OutboxStatus.Pending)
                .SetProperty(m => m.NextAttemptAtUtc, retryAt)
                .SetProperty(m => m.LastError, error.Length > 2000 ? error[..2000] : error)
                .SetProperty(m => m.LockedBy, (string?)null)
                .SetProperty(m => m.LockedUntilUtc, (DateTime?)null), CancellationToken.None);
            metrics.MailFailed(dead);
            logger.LogWarning("Mail {OutboxId} not delivered (attempt {Attempt} of {Max}{DeadLetter}): {Error}",
                id, message.Attempts, _options.MaxAttempts, dead ? ", now dead-lettered" : "", error);
            return false;
        }

        await Mine(id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, OutboxStatus.Sent)
            .SetProperty(m => m.SentAtUtc, clock.GetUtcNow().UtcDateTime)
            .SetProperty(m => m.LastError, (string?)null)
            .SetProperty(m => m.LockedBy, (string?)null)
            .SetProperty(m => m.LockedUntilUtc, (DateTime?)null), CancellationToken.None);
        metrics.MailSent(message.CreatedAtUtc, clock.GetUtcNow().UtcDateTime);
        return true;
    }

    private IQueryable<OutboxMessage> Mine(long id) =>
        db.OutboxMessages.Where(m => m.Id == id && m.LockedBy == Instance && m.Status == OutboxStatus.Sending);

    /// <summary>Staff resend: the mail goes back to the queue as if new (attempts reset), whatever its state.</summary>
    public async Task<bool> ResendAsync(long id, CancellationToken cancellationToken) =>
        await db.OutboxMessages.Where(m => m.Id == id && m.Status != OutboxStatus.Sending).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, OutboxStatus.Pending)
            .SetProperty(m => m.Attempts, 0)
            .SetProperty(m => m.NextAttemptAtUtc, clock.GetUtcNow().UtcDateTime)
            .SetProperty(m => m.LastError, (string?)null), cancellationToken) == 1;
}

/// <summary>Runs the dispatcher (and the registration jobs) every <see cref="MailOptions.PollInterval"/>.</summary>
public sealed class OutboxDeliveryService(IServiceScopeFactory scopes, IOptions<MailOptions> options, TimeProvider clock, ILogger<OutboxDeliveryService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
        try
        {
            do
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    foreach (var job in scope.ServiceProvider.GetServices<IPeriodicJob>())
                    {
                        await job.RunAsync(stoppingToken);
                    }

                    await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DeliverDueAsync(stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(ex, "Outbox delivery round failed; trying again at the next round");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (Exception ex) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping mid-round: every job is safe to run again, a mail being sent was given back to the queue.
            logger.LogInformation("Outbox delivery stopped ({Reason})", ex.GetType().Name);
        }
    }
}

/// <summary>Work that runs before each delivery round (reminders, change notices, retention).</summary>
public interface IPeriodicJob
{
    Task RunAsync(CancellationToken cancellationToken);
}
