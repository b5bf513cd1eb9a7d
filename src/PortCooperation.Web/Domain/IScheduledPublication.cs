namespace PortCooperation.Web.Domain;

/// <summary>
/// A record that goes public by publication with an optional scheduled moment (activities and documents). What
/// "public" means is written once, in <c>PublishedContent</c>.
/// </summary>
public interface IScheduledPublication
{
    PublicationState PublicationState { get; }

    DateTime? PublishAtUtc { get; }
}
