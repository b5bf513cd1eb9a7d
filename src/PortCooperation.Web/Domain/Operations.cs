namespace PortCooperation.Web.Domain;

/// <summary>One first-party page view. No IP address is stored; visitor and session keys are salted hashes.</summary>
public class PageView
{
    public long Id { get; set; }

    public DateTime OccurredAtUtc { get; set; }

    /// <summary>The calendar day of the view in the secretariat's time zone (the report's days); visitor keys rotate with it.</summary>
    public DateOnly Day { get; set; }

    public string Path { get; set; } = "";

    public string VisitorKey { get; set; } = "";

    public string SessionKey { get; set; } = "";

    public VisitorKind VisitorKind { get; set; }

    public string? ReferrerHost { get; set; }

    public string? CountryCode { get; set; }

    public string? Language { get; set; }

    public bool IsDemo { get; set; }
}

/// <summary>Append-only record of a change or sign-in event. Holds no registrant personal data.</summary>
public class AuditEntry
{
    public long Id { get; set; }

    public DateTime OccurredAtUtc { get; set; }

    public string? UserId { get; set; }

    public string? UserName { get; set; }

    public string Action { get; set; } = "";

    public string EntityType { get; set; } = "";

    public string? EntityId { get; set; }

    /// <summary>JSON object of field → [old, new].</summary>
    public string? Changes { get; set; }

    public string? CorrelationId { get; set; }
}

/// <summary>A mail waiting to be delivered, written in the same transaction as the change it reports.</summary>
public class OutboxMessage
{
    public long Id { get; set; }

    /// <summary>Unique per logical mail (e.g. "confirmation:registration:42") so a mail is never queued twice.</summary>
    public string IdempotencyKey { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }

    public string ToAddress { get; set; } = "";

    public string? ToName { get; set; }

    public string Subject { get; set; } = "";

    public string BodyText { get; set; } = "";

    public string? BodyHtml { get; set; }

    /// <summary>Optional iCalendar attachment content.</summary>
    public string? CalendarAttachment { get; set; }

    /// <summary>Optional file attachment (the quarterly report's Word document): its name, media type and bytes.</summary>
    public string? AttachmentFileName { get; set; }

    public string? AttachmentContentType { get; set; }

    public byte[]? AttachmentContent { get; set; }

    public int? RegistrationId { get; set; }

    public OutboxStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTime NextAttemptAtUtc { get; set; }

    public DateTime? SentAtUtc { get; set; }

    public string? LastError { get; set; }

    /// <summary>Instance holding the delivery lease, so only one instance sends a given mail.</summary>
    public string? LockedBy { get; set; }

    public DateTime? LockedUntilUtc { get; set; }
}
