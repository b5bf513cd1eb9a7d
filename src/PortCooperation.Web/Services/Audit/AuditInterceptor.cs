using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;

namespace PortCooperation.Web.Services.Audit;

/// <summary>
/// Writes one <see cref="AuditEntry"/> per created, changed or deleted portal record, in the same transaction
/// as the change: who (the signed-in user of the request), when (TimeProvider), what (type, id, fields old → new).
/// Generated ids are only known after the INSERT, so the entries are added right after the save and committed
/// together with it; when the caller already holds a transaction, they join it and commit with the caller.
/// Only changes made during an HTTP request are recorded (seeding and commands are not staff actions).
/// Registrations are recorded by id and status only: no registrant's name or address reaches the log.
/// </summary>
public sealed class AuditInterceptor(IHttpContextAccessor httpContext, TimeProvider clock) : SaveChangesInterceptor
{
    /// <summary>Fields of a registration that may be written to the log; everything else there is personal data.</summary>
    private static readonly HashSet<string> _registrationFields = [nameof(Registration.Id), nameof(Registration.ActivityId), nameof(Registration.Status), nameof(Registration.Attended)];

    /// <summary>Bookkeeping columns that change on every save and say nothing to a reader of the log, plus the text extracted
    /// from an attachment (up to 200,000 characters of a file's content).</summary>
    private static readonly HashSet<string> _noise = [nameof(EditableEntity.Version), nameof(EditableEntity.CreatedAt), nameof(EditableEntity.UpdatedAt), nameof(Attachment.ExtractedText)];

    private static readonly HashSet<Type> _notAudited =
        [typeof(AuditEntry), typeof(PageView), typeof(AnalyticsSalt), typeof(OutboxMessage), typeof(Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey), typeof(ApplicationUser)];

    private readonly ConditionalWeakTable<DbContext, PendingAudit> _pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (Collect(eventData.Context) is { } pending && pending.Context.Database.CurrentTransaction is null)
        {
            pending.OwnTransaction = pending.Context.Database.BeginTransaction();
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (Collect(eventData.Context) is { } pending && pending.Context.Database.CurrentTransaction is null)
        {
            pending.OwnTransaction = await pending.Context.Database.BeginTransactionAsync(cancellationToken);
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Take(eventData.Context) is { } pending)
        {
            try
            {
                pending.Context.AddRange(pending.ToEntries());
                pending.Context.SaveChanges();
                pending.OwnTransaction?.Commit();
            }
            finally
            {
                pending.OwnTransaction?.Dispose();
                _pending.Remove(pending.Context);
            }
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Take(eventData.Context) is { } pending)
        {
            try
            {
                pending.Context.AddRange(pending.ToEntries());
                await pending.Context.SaveChangesAsync(cancellationToken);
                if (pending.OwnTransaction is not null)
                {
                    await pending.OwnTransaction.CommitAsync(cancellationToken);
                }
            }
            finally
            {
                if (pending.OwnTransaction is not null)
                {
                    await pending.OwnTransaction.DisposeAsync();
                }

                _pending.Remove(pending.Context);
            }
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Abandon(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Abandon(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Abandon(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Abandon(eventData.Context);
        return Task.CompletedTask;
    }

    private PendingAudit? Collect(DbContext? context)
    {
        var user = httpContext.HttpContext?.User;
        if (context is null || user is null || _pending.TryGetValue(context, out _))
        {
            // Outside a request, or the nested save of the entries themselves.
            return null;
        }

        var changes = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && IsAudited(e))
            .Select(e => new PendingChange(e, ActionOf(e), e.State == EntityState.Added ? null : Describe(e), e.State == EntityState.Added ? null : KeyOf(e)))
            .ToList();
        if (changes.Count == 0)
        {
            return null;
        }

        var pending = new PendingAudit(context, changes, clock.GetUtcNow().UtcDateTime,
            user.FindFirstValue(ClaimTypes.NameIdentifier), user.Identity?.IsAuthenticated == true ? user.Identity.Name : null,
            httpContext.HttpContext?.TraceIdentifier);
        _pending.AddOrUpdate(context, pending);
        return pending;
    }

    private PendingAudit? Take(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending) || pending.Written)
        {
            return null;
        }

        // Stays registered (as written) until the nested save of the entries is over, so that save is not audited.
        pending.Written = true;
        return pending;
    }

    private void Abandon(DbContext? context)
    {
        if (context is not null && _pending.TryGetValue(context, out var pending))
        {
            if (pending.Written)
            {
                // The nested save failed: the outer Saved handler disposes (rolls back) the transaction.
                return;
            }

            _pending.Remove(context);
            pending.OwnTransaction?.Dispose();
        }
    }

    private static bool IsAudited(EntityEntry entry) =>
        entry.Metadata.ClrType.Namespace == typeof(Activity).Namespace && !_notAudited.Contains(entry.Metadata.ClrType);

    private static string ActionOf(EntityEntry entry)
    {
        if (entry.State == EntityState.Added)
        {
            return AuditActions.Create;
        }

        if (entry.State == EntityState.Deleted)
        {
            return AuditActions.Delete;
        }

        var publication = entry.Properties.FirstOrDefault(p => p.Metadata.Name == "PublicationState");
        if (publication is { IsModified: true } && !Equals(publication.OriginalValue, publication.CurrentValue))
        {
            return Equals(publication.CurrentValue, PublicationState.Published) ? AuditActions.Publish : AuditActions.Unpublish;
        }

        return AuditActions.Update;
    }

    /// <summary>Field → [old, new] for what changed (all fields for a create or delete), without personal data.</summary>
    private static Dictionary<string, object?[]> Describe(EntityEntry entry)
    {
        var fields = new Dictionary<string, object?[]>(StringComparer.Ordinal);
        var isRegistration = entry.Metadata.ClrType == typeof(Registration);
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (_noise.Contains(name) || (isRegistration && !_registrationFields.Contains(name)))
            {
                continue;
            }

            switch (entry.State)
            {
                case EntityState.Added when property.CurrentValue is not null:
                    fields[name] = [null, property.CurrentValue];
                    break;
                case EntityState.Deleted when property.OriginalValue is not null:
                    fields[name] = [property.OriginalValue, null];
                    break;
                case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                    fields[name] = [property.OriginalValue, property.CurrentValue];
                    break;
            }
        }

        return fields;
    }

    private static string KeyOf(EntityEntry entry) =>
        string.Join(',', entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue));

    private sealed record PendingChange(EntityEntry Entry, string Action, Dictionary<string, object?[]>? Before, string? Key)
    {
        public AuditEntry ToEntry(PendingAudit audit)
        {
            // A created record's generated key and its values are final only after the INSERT.
            var fields = Before ?? AddedFields();
            return new AuditEntry
            {
                OccurredAtUtc = audit.At,
                UserId = audit.UserId,
                UserName = audit.UserName,
                Action = Action,
                EntityType = Entry.Metadata.ClrType.Name,
                EntityId = Key ?? KeyOf(Entry),
                Changes = fields.Count == 0 ? null : JsonSerializer.Serialize(fields),
                CorrelationId = audit.CorrelationId,
            };
        }

        private Dictionary<string, object?[]> AddedFields()
        {
            var isRegistration = Entry.Metadata.ClrType == typeof(Registration);
            return Entry.Properties
                .Where(p => p.CurrentValue is not null && !_noise.Contains(p.Metadata.Name)
                    && (!isRegistration || _registrationFields.Contains(p.Metadata.Name)))
                .ToDictionary(p => p.Metadata.Name, p => new[] { null, p.CurrentValue }, StringComparer.Ordinal);
        }
    }

    private sealed class PendingAudit(DbContext context, List<PendingChange> changes, DateTime at, string? userId, string? userName, string? correlationId)
    {
        public DbContext Context { get; } = context;

        public DateTime At { get; } = at;

        public string? UserId { get; } = userId;

        public string? UserName { get; } = userName;

        public string? CorrelationId { get; } = correlationId;

        public IDbContextTransaction? OwnTransaction { get; set; }

        public bool Written { get; set; }

        public List<AuditEntry> ToEntries() => changes.Select(c => c.ToEntry(this)).ToList();
    }
}

/// <summary>The actions an audit entry records.</summary>
public static class AuditActions
{
    public const string Create = "create";
    public const string Update = "update";
    public const string Delete = "delete";
    public const string Publish = "publish";
    public const string Unpublish = "unpublish";

    /// <summary>Sign-in events (entity type <see cref="SignInEntityType"/>, entity id the account's e-mail).</summary>
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string SignOut = "sign-out";
    public const string SignInEntityType = "StaffSignIn";

    public static readonly IReadOnlyList<string> All = [Create, Update, Delete, Publish, Unpublish, SignIn, SignInFailed, SignOut];
}
