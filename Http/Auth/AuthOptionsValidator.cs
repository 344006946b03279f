using Microsoft.Extensions.Options;

namespace DurableLessons.Http.Auth;

internal sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var hasAuthority = !string.IsNullOrWhiteSpace(options.Authority);
        var hasAudience = !string.IsNullOrWhiteSpace(options.Audience);
        if (hasAuthority != hasAudience)
        {
            failures.Add("Auth:Authority and Auth:Audience turn sign-in on together: set both, or neither for anonymous use.");
        }

        if (hasAuthority)
        {
            if (!Uri.TryCreate(options.Authority, UriKind.Absolute, out var authority) || authority.Scheme is not ("https" or "http"))
            {
                failures.Add("Auth:Authority must be the issuer's absolute https URL, e.g. https://login.microsoftonline.com/<tenant>/v2.0.");
            }
            else if (authority.Scheme == "http" && options.RequireHttpsMetadata)
            {
                failures.Add("Auth:Authority is http: set Auth:RequireHttpsMetadata=false to allow that (a loopback issuer in tests or development only).");
            }
        }

        if (string.IsNullOrWhiteSpace(options.RoleClaim))
        {
            failures.Add("Auth:RoleClaim must name the claim that lists app roles (default 'roles').");
        }

        if (string.IsNullOrWhiteSpace(options.AdminRole))
        {
            failures.Add("Auth:AdminRole must name the app role of administrators (default 'DurableLessons.Admin').");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
