using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableLessons.Http.Auth;

/// <summary>
/// Reads App Service Authentication's <c>X-MS-CLIENT-PRINCIPAL</c> (base64 JSON of the signed-in user's claims), only
/// when <c>Auth:TrustAppServiceAuthentication</c> is true: App Service strips the header from incoming requests and
/// sets it itself, but without App Service Authentication in front anyone could send it.
/// </summary>
public sealed class AppServicePrincipalReader(IOptions<AuthOptions> options, ILogger<AppServicePrincipalReader> logger)
{
    public const string HeaderName = "X-MS-CLIENT-PRINCIPAL";
    public const string AuthenticationType = "AppServiceAuthentication";
    private const string EntraObjectIdClaim = "http://schemas.microsoft.com/identity/claims/objectidentifier";
    private const string NameIdentifierClaim = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier";

    public ClaimsPrincipal? Read(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? header = request.Headers[HeaderName];
        if (!options.Value.TrustAppServiceAuthentication || string.IsNullOrEmpty(header))
        {
            return null;
        }

        ClientPrincipal? principal;
        try
        {
            principal = JsonSerializer.Deserialize<ClientPrincipal>(Encoding.UTF8.GetString(Convert.FromBase64String(header)));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            logger.LogWarning("Ignored a malformed {Header} header on {Path}", HeaderName, request.Path);
            return null;
        }

        var roleClaim = options.Value.RoleClaim;
        var claims = (principal?.Claims ?? []).Where(c => c.Type is not null && c.Value is not null).Select(c => new Claim(
            c.Type switch
            {
                EntraObjectIdClaim => LearnerIdentity.ObjectIdClaim,
                NameIdentifierClaim => LearnerIdentity.SubjectClaim,
                _ when string.Equals(c.Type, principal!.RoleType, StringComparison.Ordinal) => roleClaim,
                _ => c.Type!,
            },
            c.Value!)).ToList();
        var identity = new ClaimsIdentity(claims, AuthenticationType, "name", roleClaim);
        var user = new ClaimsPrincipal(identity);
        return LearnerIdentity.IdOf(user) is null ? null : user;
    }

    private sealed record ClientPrincipal(
        [property: JsonPropertyName("auth_typ")] string? AuthType,
        [property: JsonPropertyName("claims")] IReadOnlyList<ClientClaim>? Claims,
        [property: JsonPropertyName("role_typ")] string? RoleType);

    private sealed record ClientClaim([property: JsonPropertyName("typ")] string? Type, [property: JsonPropertyName("val")] string? Value);
}
