using Microsoft.EntityFrameworkCore;

namespace PortCooperation.Web.Services.Staff;

/// <summary>One page of a staff list: the rows, the total count, and where the page is.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public bool HasPrevious => Page > 1;

    public bool HasNext => Page < PageCount;
}

public static class PagedExtensions
{
    public const int DefaultPageSize = 25;

    /// <summary>Two SQL commands whatever the size of the table: a COUNT and one page (OFFSET/LIMIT).</summary>
    public static async Task<Paged<T>> ToPagedAsync<T>(this IQueryable<T> query, int page, CancellationToken cancellationToken, int pageSize = DefaultPageSize)
    {
        var total = await query.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, pageCount);
        var items = total == 0 ? [] : await query.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new Paged<T>(items, total, page, pageSize);
    }
}
