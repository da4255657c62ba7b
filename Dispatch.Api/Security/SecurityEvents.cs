using System.Threading.Channels;
using Dispatch.Api.Auth;

namespace Dispatch.Api.Security;

/// <summary>
/// Records security events without slowing the request they describe: <see cref="Record"/> only
/// puts the event in a bounded queue, and <see cref="SecurityEventWriter"/> stores the queue in
/// batches in the background. A full queue (a flood) or a failed write drops events and logs how
/// many; it never fails or delays a request, least of all a call's ingest.
/// </summary>
public sealed partial class SecurityEvents(TimeProvider time, ILogger<SecurityEvents> logger)
{
    public const int Capacity = 10_000;
    private const int MaxActor = 100, MaxAddress = 64;
    private long _dropped;

    private readonly Channel<SecurityEvent> _queue = Channel.CreateBounded<SecurityEvent>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    internal ChannelReader<SecurityEvent> Queue => _queue.Reader;

    /// <summary>Events lost to a full queue or a failed write since start.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Records an event now, by and from whom <paramref name="http"/> says (its signed-in user, unless <paramref name="actor"/> is given).</summary>
    public void Record(string kind, HttpContext? http, object? details = null, string? actor = null) =>
        Record(kind, actor ?? SignedIn(http), http?.Connection.RemoteIpAddress?.ToString(), details);

    /// <summary>Records an event now with an explicit actor and address (either may be null).</summary>
    public void Record(string kind, string? actor, string? address, object? details = null)
    {
        var recorded = new SecurityEvent(kind, time.GetUtcNow(), Cut(actor, MaxActor), Cut(address, MaxAddress), details);
        if (!_queue.Writer.TryWrite(recorded)) Lost(1);
    }

    internal void Lost(int count)
    {
        var total = Interlocked.Add(ref _dropped, count);
        LogDropped(count, total);
    }

    private static string? SignedIn(HttpContext? http) =>
        http?.User.Identity?.IsAuthenticated == true ? CurrentUser.From(http.User).Name : null;

    private static string? Cut(string? text, int max) => text is null || text.Length <= max ? text : text[..max];

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} security events were not recorded ({Total} since start).")]
    private partial void LogDropped(int count, long total);
}
