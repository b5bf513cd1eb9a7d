using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PortCooperation.Web.Infrastructure.Telemetry;

/// <summary>
/// Database spans from EF Core's DiagnosticSource events ("Microsoft.EntityFrameworkCore"): EF Core publishes no
/// ActivitySource of its own, and its OpenTelemetry instrumentation package is still a beta. One client span per
/// command (executing → executed or failed), child of the request that ran it, on every provider (SQLite has no
/// tracing of its own). Runs only when telemetry is exported; otherwise EF Core does not even build the events.
/// </summary>
public sealed class EntityFrameworkActivities : IHostedService, IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    public const string SourceName = "PortCooperation.Database";

    private static readonly ActivitySource _source = new(SourceName);
    private static readonly string _executing = RelationalEventId.CommandExecuting.Name!;
    private static readonly string _executed = RelationalEventId.CommandExecuted.Name!;
    private static readonly string _failed = RelationalEventId.CommandError.Name!;
    private static readonly string _canceled = RelationalEventId.CommandCanceled.Name!;

    private readonly ConcurrentDictionary<Guid, Activity> _running = new();
    private readonly List<IDisposable> _subscriptions = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lock (_subscriptions)
        {
            _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
            _subscriptions.Clear();
        }

        return Task.CompletedTask;
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this, name => name == _executing || name == _executed || name == _failed || name == _canceled));
            }
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Value is not CommandEventData data)
        {
            return;
        }

        if (value.Key == _executing)
        {
            if (!_source.HasListeners())
            {
                return;
            }

            // Started without becoming Activity.Current: EF raises the end event from another async frame.
            var parent = Activity.Current;
            var activity = _source.StartActivity(data.ExecuteMethod.ToString(), ActivityKind.Client);
            Activity.Current = parent;
            if (activity is not null)
            {
                var provider = data.Context?.Database.ProviderName ?? "";
                var system = provider.Contains("Npgsql", StringComparison.Ordinal) ? "postgresql"
                    : provider.Contains("SqlServer", StringComparison.Ordinal) ? "microsoft.sql_server"
                    : "sqlite";
                activity.SetTag("db.system.name", system);
                // SQLite names its database by file; the servers by database name.
                activity.SetTag("db.namespace", system == "sqlite" ? data.Command.Connection?.DataSource : data.Command.Connection?.Database);
                activity.SetTag("db.query.text", data.Command.CommandText);
                _running[data.CommandId] = activity;
            }
        }
        else if (_running.TryRemove(data.CommandId, out var activity))
        {
            if (value.Value is CommandErrorEventData error)
            {
                activity.SetStatus(ActivityStatusCode.Error, error.Exception.GetType().Name);
            }

            activity.Stop();
        }
    }

    void IObserver<DiagnosticListener>.OnCompleted()
    {
    }

    void IObserver<DiagnosticListener>.OnError(Exception error)
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnCompleted()
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error)
    {
    }
}
