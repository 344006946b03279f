using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace DurableLessons.Http.Auth;

/// <summary>Whether a signed-in caller holds the administrators' app role (<c>Auth:AdminRole</c> in <c>Auth:RoleClaim</c>).</summary>
public sealed class AdminRole(IOptions<AuthOptions> options)
{
    public bool IsHeldBy(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var auth = options.Value;
        return auth.IsEnabled && principal.Identity?.IsAuthenticated == true
            && principal.FindAll(auth.RoleClaim).Any(claim => string.Equals(claim.Value, auth.AdminRole, StringComparison.Ordinal));
    }
}
