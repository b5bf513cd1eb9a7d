namespace PortCooperation.Web.Domain;

/// <summary>
/// The random salt of one UTC day for the analytics visitor keys. Salts older than yesterday are deleted, so a
/// visitor key can never be recomputed from an IP address once its day has passed.
/// </summary>
public class AnalyticsSalt
{
    public DateOnly Day { get; set; }

    public byte[] Salt { get; set; } = [];
}
