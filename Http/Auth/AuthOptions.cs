namespace DurableLessons.Http.Auth;

/// <summary>
/// Learner sign-in, bound from the <c>Auth</c> section by both hosts. Off unless <see cref="Authority"/> and
/// <see cref="Audience"/> are set: the embedded host's default stays zero-setup and anonymous.
/// </summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";
    public const string DefaultRoleClaim = "roles";
    public const string DefaultAdminRole = "DurableLessons.Admin";

    /// <summary>The OIDC issuer whose discovery document (<c>/.well-known/openid-configuration</c>) gives the signing keys.</summary>
    public string? Authority { get; set; }

    /// <summary>The <c>aud</c> a token must carry (for Entra ID, the API's application id URI or client id).</summary>
    public string? Audience { get; set; }

    /// <summary>Refuses an <c>http://</c> authority unless false, which is meant for a loopback issuer in tests and development.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The claim that lists a token's app roles.</summary>
    public string RoleClaim { get; set; } = DefaultRoleClaim;

    /// <summary>The app role that opens <c>/api/admin/*</c> as the system key does.</summary>
    public string AdminRole { get; set; } = DefaultAdminRole;

    /// <summary>The page's public client id for the authorization-code + PKCE sign-in (no secret); the audience when empty.</summary>
    public string? ClientId { get; set; }

    /// <summary>The scopes the page asks for (space-separated).</summary>
    public string Scopes { get; set; } = "openid profile";

    /// <summary>
    /// Functions only: accept App Service Authentication's <c>X-MS-CLIENT-PRINCIPAL</c> header. Only safe when App
    /// Service Authentication is on in front of the app, since anyone could send that header otherwise.
    /// </summary>
    public bool TrustAppServiceAuthentication { get; set; }

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(Audience);
}
