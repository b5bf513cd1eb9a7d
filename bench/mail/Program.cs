// Outbox delivery rate: N registration-like mails (text, HTML and an .ics each) queued in a SQLite database are
// delivered by the portal's own OutboxDispatcher, round after round as the background service does, to an SMTP
// server on loopback in this process (the SmtpServer package, accepting every mail unread). Prints one line of
// Markdown: mails, seconds, mails per second, SMTP connections opened.
// Usage: dotnet bin/Release/net10.0/MailBench.dll [mails]     (run.sh builds it against today's and older code)
using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Infrastructure;
using PortCooperation.Web.Services.Mail;
using PortCooperation.Web.Services.Registrations;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

var mails = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2000;
var label = args.Length > 1 ? args[1] : "code";

using var listener = new TcpListener(IPAddress.Loopback, 0);
listener.Start();
var port = ((IPEndPoint)listener.LocalEndpoint).Port;
listener.Stop();

var received = new Counter();
var server = new SmtpServer.SmtpServer(
    new SmtpServerOptionsBuilder().ServerName("bench").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port))).Build(),
    new SmtpServer.ComponentModel.ServiceProvider().With(received));
var sessions = 0;
server.SessionCreated += (_, _) => Interlocked.Increment(ref sessions);
using var stop = new CancellationTokenSource();
var serving = server.StartAsync(stop.Token);

var folder = Path.Combine(Path.GetTempPath(), "mail-bench-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(folder);
var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Data:Directory"] = folder,
    ["Mail:Transport"] = "Smtp",
    ["Mail:SmtpHost"] = "127.0.0.1",
    ["Mail:SmtpPort"] = port.ToString(CultureInfo.InvariantCulture),
    // Plain text on loopback for both versions: the figure is the outbox and the SMTP client, not TLS.
    ["Mail:SmtpSecurity"] = "None",
    ["Mail:BackgroundDelivery"] = "false",
}).Build();
var environment = new HostingEnvironment { ContentRootPath = folder, EnvironmentName = "Production", ApplicationName = "PortCooperation.Web" };
var services = new ServiceCollection()
    .AddLogging()
    .AddSingleton<IConfiguration>(configuration)
    .AddSingleton<IHostEnvironment>(environment)
    .AddSingleton(TimeProvider.System);
services.AddPortalDatabase(configuration, environment);
services.AddPortalRegistrations();
await using var provider = services.BuildServiceProvider();

await using (var scope = provider.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
    await db.Database.MigrateAsync();
    var now = DateTime.UtcNow;
    var text = string.Concat(Enumerable.Repeat("Estimada Ana Pérez: su inscripción en el seminario de logística portuaria está confirmada.\n", 12));
    var html = "<!DOCTYPE html><html lang=\"es\"><body>" + string.Concat(Enumerable.Repeat("<p>Estimada Ana Pérez: su inscripción está confirmada.</p>", 12)) + "</body></html>";
    var ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//EN\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:activity-1@portcooperation.local\r\nDTSTAMP:20320301T120000Z\r\nDTSTART:20320311T150000Z\r\nDTEND:20320311T170000Z\r\nSEQUENCE:0\r\nSUMMARY:Seminario de logística portuaria\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    for (var i = 0; i < mails; i++)
    {
        db.OutboxMessages.Add(new OutboxMessage
        {
            IdempotencyKey = $"Confirmation:registration:{i}:1",
            CreatedAtUtc = now,
            NextAttemptAtUtc = now,
            ToAddress = $"person{i}@example.org",
            ToName = $"Persona {i} Pérez",
            Subject = "Inscripción confirmada: Seminario de logística portuaria",
            BodyText = text,
            BodyHtml = html,
            CalendarAttachment = ics,
            Status = OutboxStatus.Pending,
        });
    }

    await db.SaveChangesAsync();
}

var watch = Stopwatch.StartNew();
var delivered = 0;
while (true)
{
    // One scope per round, as the background service does.
    await using var scope = provider.CreateAsyncScope();
    var sent = await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DeliverDueAsync(CancellationToken.None);
    if (sent == 0)
    {
        break;
    }

    delivered += sent;
}

watch.Stop();
stop.Cancel();
if (received.Count != mails || delivered != mails)
{
    Console.Error.WriteLine($"expected {mails} mails, dispatcher sent {delivered}, server received {received.Count}");
    return 1;
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"| {label} | {mails} | {watch.Elapsed.TotalSeconds:F2} | {mails / watch.Elapsed.TotalSeconds:F0} | {sessions} |"));
try
{
    Directory.Delete(folder, recursive: true);
}
catch (IOException)
{
}

return 0;

sealed class Counter : MessageStore
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _count);
        return Task.FromResult(SmtpResponse.Ok);
    }
}

static class ServiceProviderExtensions
{
    public static SmtpServer.ComponentModel.ServiceProvider With(this SmtpServer.ComponentModel.ServiceProvider services, IMessageStore store)
    {
        services.Add(store);
        return services;
    }
}
