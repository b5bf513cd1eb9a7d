using System.Security.Claims;
using System.Text.Json;
using PortCooperation.Web.Domain;

namespace PortCooperation.Web.Services.Audit;

/// <summary>
/// An audit entry written by hand (for what the interceptor cannot see, such as mails queued or an account's roles),
/// stamped like the interceptor's: the signed-in user and the request reference shown on error pages and in the logs.
/// </summary>
public static class RequestAudit
{
    public static AuditEntry Entry(HttpContext? request, DateTime atUtc, string action, string entityType, string? entityId, Dictionary<string, object?[]> changes)
    {
        var user = request?.User;
        return new AuditEntry
        {
            OccurredAtUtc = atUtc,
            UserId = user?.FindFirstValue(ClaimTypes.NameIdentifier),
            UserName = user?.Identity?.IsAuthenticated == true ? user.Identity.Name : null,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Changes = changes.Count == 0 ? null : JsonSerializer.Serialize(changes),
            CorrelationId = request?.TraceIdentifier,
        };
    }
}
