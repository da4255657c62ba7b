using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Dispatch.Api.Auth;

/// <summary>One sender of calls (the PBX, the NCC 119 forwarder...) and the key it sends as X-Api-Key.</summary>
public sealed class TelephonyKey
{
    public string Name { get; set; } = "";
    public string Key { get; set; } = "";
}

/// <summary>
/// Configuration section "Telephony": the keys the senders of calls send as X-Api-Key.
/// <see cref="Keys"/> names each sender; the older <see cref="ApiKeys"/> list keeps working, its
/// keys named key-1, key-2... In Development the demo key (Seed:TelephonyApiKey) is added as "demo".
/// </summary>
public sealed class TelephonyOptions
{
    public const string Section = "Telephony";

    public List<TelephonyKey> Keys { get; set; } = [];

    /// <summary>Unnamed keys (the setting before senders had names).</summary>
    public List<string> ApiKeys { get; set; } = [];

    /// <summary>Every accepted key with its sender's name.</summary>
    public IEnumerable<TelephonyKey> Named() =>
        Keys.Concat(ApiKeys.Select((key, i) => new TelephonyKey { Name = $"key-{i + 1}", Key = key }));
}

/// <summary>Authenticates the telephony line by the X-Api-Key header (constant-time comparison).</summary>
public sealed class ApiKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IOptions<TelephonyOptions> telephony, Security.SecurityEvents securityEvents)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    /// <summary>The claim that names the sender whose key authenticated the request (never the key).</summary>
    public const string SenderClaim = "psc119:sender";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var supplied) || supplied.Count != 1 || string.IsNullOrEmpty(supplied[0]))
            return Task.FromResult(AuthenticateResult.NoResult());
        var given = Encoding.UTF8.GetBytes(supplied[0]!);
        // Every key is compared (no early exit), so the time taken does not tell which one came close.
        TelephonyKey? sender = null;
        foreach (var key in telephony.Value.Named())
        {
            if (key.Key.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(key.Key), given)) sender ??= key;
        }
        if (sender is null)
        {
            securityEvents.Record(Security.SecurityEventKinds.TelephonyKeyRefused, null, Context.Connection.RemoteIpAddress?.ToString(),
                new { path = Request.Path.Value });
            return Task.FromResult(AuthenticateResult.Fail("Invalid API key."));
        }
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "telephony"), new Claim(ClaimTypes.Role, Roles.Telephony), new Claim(SenderClaim, sender.Name)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
