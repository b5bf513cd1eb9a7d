using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace PortCooperation.Web.Services.Analytics;

/// <summary>
/// The bounded in-memory queue between page requests and <see cref="PageViewWriter"/>. Adding never waits and never
/// touches the database: when the queue is full the view is dropped and counted (a crash loses what is queued).
/// </summary>
public sealed class PageViewBuffer(IOptions<AnalyticsOptions> options)
{
    private readonly Channel<PageViewHit> _channel = Channel.CreateBounded<PageViewHit>(
        new BoundedChannelOptions(Math.Max(1, options.Value.BufferCapacity))
        {
            // Wait mode: TryWrite fails at once when full (it never waits), so the request goes on and the view is counted as dropped.
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = false,
            SingleWriter = false,
        });

    private long _dropped;

    public long Dropped => Interlocked.Read(ref _dropped);

    public ChannelReader<PageViewHit> Reader => _channel.Reader;

    public void Add(PageViewHit hit)
    {
        if (!_channel.Writer.TryWrite(hit))
        {
            Interlocked.Increment(ref _dropped);
        }
    }
}
