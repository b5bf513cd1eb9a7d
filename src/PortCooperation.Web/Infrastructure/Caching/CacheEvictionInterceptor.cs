using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace PortCooperation.Web.Infrastructure.Caching;

/// <summary>
/// After every successful SaveChanges, evicts the output-cache tags of the kinds of records that were added,
/// changed or deleted, so a public page never shows a record as it was before an edit.
/// </summary>
public sealed class CacheEvictionInterceptor(IServiceProvider services) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, HashSet<string>> _pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        EvictAsync(eventData.Context, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await EvictAsync(eventData.Context, cancellationToken);
        return result;
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var tags = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && CacheTags.ForEntity(entry.Metadata.ClrType) is { } tag)
            {
                tags.Add(tag);
            }
        }

        _pending.AddOrUpdate(context, tags);
    }

    private async ValueTask EvictAsync(DbContext? context, CancellationToken cancellationToken)
    {
        if (context is null || !_pending.TryGetValue(context, out var tags))
        {
            return;
        }

        _pending.Remove(context);
        if (tags.Count > 0)
        {
            foreach (var listener in services.GetServices<ICacheEvictionListener>())
            {
                listener.Evicted(tags);
            }
        }

        if (tags.Count == 0 || services.GetService(typeof(IOutputCacheStore)) is not IOutputCacheStore store)
        {
            return;
        }

        foreach (var tag in tags)
        {
            await store.EvictByTagAsync(tag, cancellationToken);
        }
    }
}

/// <summary>Told the tags a save evicted, e.g. to drop an in-memory copy of what those pages show.</summary>
public interface ICacheEvictionListener
{
    void Evicted(IReadOnlyCollection<string> tags);
}
