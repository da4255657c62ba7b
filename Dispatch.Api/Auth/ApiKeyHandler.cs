using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Dispatch.Api.Auth;

/// <summary>Configuration section "Telephony": the key the PBX and NCC 119 forwarder send as X-Api-Key.</summary>
public sealed class TelephonyOptions
{
    public const string Section = "Telephony";

    /// <summary>Accepted keys. In Development the demo key (Seed:TelephonyApiKey) is added.</summary>
    public List<string> ApiKeys { get; set; } = [];
}

/// <summary>Authenticates the telephony line by the X-Api-Key header (constant-time comparison).</summary>
public sealed class ApiKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IOptions<TelephonyOptions> telephony)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var supplied) || supplied.Count != 1 || string.IsNullOrEmpty(supplied[0]))
            return Task.FromResult(AuthenticateResult.NoResult());
        var given = Encoding.UTF8.GetBytes(supplied[0]!);
        var match = telephony.Value.ApiKeys.Any(k => k.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(k), given));
        if (!match) return Task.FromResult(AuthenticateResult.Fail("Invalid API key."));
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "telephony"), new Claim(ClaimTypes.Role, Roles.Telephony)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
