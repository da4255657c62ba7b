using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Dispatch.Api.Auth;

/// <summary>
/// ASP.NET Core's rate limiter on the sign-in route, per client address (the address as resolved
/// by the forwarded headers of a trusted proxy): a token bucket of <see cref="AuthOptions.SignInBurst"/>
/// attempts refilled at <see cref="AuthOptions.SignInPerMinute"/>. Beyond it: 429 with Retry-After,
/// before the request costs a database read or a password hash.
/// </summary>
public static class SignInRateLimit
{
    public const string Policy = "sign-in";
    private static readonly TimeSpan Refill = TimeSpan.FromSeconds(6);

    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<AuthOptions>>((o, auth) =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Policy, http => RateLimitPartition.GetTokenBucketLimiter(Client(http.Connection.RemoteIpAddress), _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = auth.Value.SignInBurst,
                TokensPerPeriod = Math.Max(1, (int)Math.Ceiling(auth.Value.SignInPerMinute * Refill.TotalMinutes)),
                ReplenishmentPeriod = Refill,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
            o.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : Refill;
                http.Response.Headers.RetryAfter = Math.Max(1, Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                RecordOncePerMinute(http);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many sign-ins.", Detail = "Too many sign-in attempts from this address; wait and try again.", Extensions = { ["code"] = "sign-in-throttled" } },
                });
            };
        });
        return services;
    }

    // An IPv6 client usually holds a whole /64: counted as one address, or it could take a new one per try.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset> Recorded = new();

    /// <summary>A refused address is a security event once a minute: a flood must not become a flood of rows competing with call intake.</summary>
    private static void RecordOncePerMinute(HttpContext http)
    {
        var client = Client(http.Connection.RemoteIpAddress);
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        if (Recorded.TryGetValue(client, out var last) && now - last < TimeSpan.FromMinutes(1)) return;
        if (Recorded.Count > 10_000) Recorded.Clear(); // a bound, not a record worth keeping
        Recorded[client] = now;
        http.RequestServices.GetRequiredService<Security.SecurityEvents>().Record(Security.SecurityEventKinds.SignInThrottled, http, new { perAddress = true });
    }

    private static string Client(IPAddress? address)
    {
        if (address is null) return "";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
