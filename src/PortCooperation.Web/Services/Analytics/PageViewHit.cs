using PortCooperation.Web.Domain;

namespace PortCooperation.Web.Services.Analytics;

/// <summary>
/// A page view as the request saw it, waiting in memory to be written. It carries the client address only until
/// the writer has turned it into the day's salted visitor key; the address is never stored or logged.
/// </summary>
public sealed record PageViewHit(
    DateTime OccurredAtUtc,
    string Path,
    string ClientAddress,
    string UserAgent,
    VisitorKind Kind,
    string? ReferrerHost,
    string? CountryCode,
    string Language);
