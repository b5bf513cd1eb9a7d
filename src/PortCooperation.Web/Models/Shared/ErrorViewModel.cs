namespace PortCooperation.Web.Models.Shared;

/// <summary>The friendly error page: what happened in plain words and the id to quote to the secretariat.</summary>
public sealed class ErrorViewModel
{
    public required int StatusCode { get; init; }

    /// <summary>The request's trace identifier, written with every log line of the request.</summary>
    public required string CorrelationId { get; init; }

    /// <summary>Resource key prefix of the title and explanation for this status code.</summary>
    public string MessageKey => StatusCode switch
    {
        400 => "Error_BadRequest",
        403 => "Error_Forbidden",
        404 or 410 => "Error_NotFound",
        405 => "Error_NotFound",
        429 => "Error_TooManyRequests",
        _ => "Error_Server",
    };
}
