using System.Globalization;
using DnsClient;
using DnsClient.Protocol;
using Microsoft.Extensions.Options;

namespace PortCooperation.Web.Services.Registrations;

/// <summary>What the DNS says about the domain of an address.</summary>
public enum MailDomainAnswer
{
    /// <summary>No answer could be had (offline, the check is off, the resolver timed out): the address is taken.</summary>
    Unknown = 0,
    CanReceiveMail = 1,

    /// <summary>The domain does not exist, has no MX, A or AAAA record, or says it takes no mail (null MX, RFC 7505).</summary>
    CannotReceiveMail = 2,
}

/// <summary>Whether a domain can receive mail. Behind an interface so tests never depend on a resolver.</summary>
public interface IMailDomainCheck
{
    Task<MailDomainAnswer> CheckAsync(string domain, CancellationToken cancellationToken);
}

/// <summary>
/// The DNS check of RFC 5321 §5.1: MX records, else an A or AAAA record. Only a definite answer refuses an address;
/// a machine without a resolver, a timeout or a server failure leaves the decision to the mail delivery, as before.
/// </summary>
public sealed class DnsMailDomainCheck(IOptions<RegistrationOptions> options, ILogger<DnsMailDomainCheck> logger) : IMailDomainCheck
{
    private readonly Lazy<LookupClient?> _client = new(() => CreateClient(logger));

    public async Task<MailDomainAnswer> CheckAsync(string domain, CancellationToken cancellationToken)
    {
        if (!options.Value.CheckMailDomains || _client.Value is not { } client)
        {
            return MailDomainAnswer.Unknown;
        }

        try
        {
            var ascii = new IdnMapping().GetAscii(domain.TrimEnd('.'));
            var mx = await client.QueryAsync(ascii, QueryType.MX, QueryClass.IN, cancellationToken);
            if (mx.Header.ResponseCode == DnsHeaderResponseCode.NotExistentDomain)
            {
                return MailDomainAnswer.CannotReceiveMail;
            }

            if (mx.HasError)
            {
                return MailDomainAnswer.Unknown;
            }

            var exchanges = mx.Answers.MxRecords().ToList();
            if (exchanges.Count > 0)
            {
                // A single MX of "." is the null MX: the domain states it accepts no mail.
                return exchanges.All(r => r.Exchange.Value is "." or "") ? MailDomainAnswer.CannotReceiveMail : MailDomainAnswer.CanReceiveMail;
            }

            foreach (var type in new[] { QueryType.A, QueryType.AAAA })
            {
                var host = await client.QueryAsync(ascii, type, QueryClass.IN, cancellationToken);
                if (host.HasError)
                {
                    return MailDomainAnswer.Unknown;
                }

                if (host.Answers.OfType<AddressRecord>().Any())
                {
                    return MailDomainAnswer.CanReceiveMail;
                }
            }

            return MailDomainAnswer.CannotReceiveMail;
        }
        catch (Exception ex) when (ex is DnsResponseException or ArgumentException or System.Net.Sockets.SocketException or TimeoutException)
        {
            logger.LogDebug(ex, "No DNS answer for a registrant's mail domain; the address is taken unchecked");
            return MailDomainAnswer.Unknown;
        }
    }

    private static LookupClient? CreateClient(ILogger logger)
    {
        try
        {
            return new LookupClient(new LookupClientOptions
            {
                Timeout = TimeSpan.FromSeconds(2),
                Retries = 1,
                ThrowDnsErrors = false,
                UseCache = true,
            });
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or DnsResponseException)
        {
            // No name server configured (an offline machine): every address is taken unchecked.
            logger.LogInformation(ex, "No DNS resolver found; registrants' mail domains are not checked");
            return null;
        }
    }
}
