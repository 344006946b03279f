using DurableLessons.Http.Security;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DurableLessons.Hosts.Functions.Configuration;

/// <summary>
/// The Functions counterpart of the embedded host's loopback-only rule: the HTTP functions are anonymous at the
/// Functions level and the administration handlers check <c>Security:SystemKey</c> themselves, so outside Development
/// (<c>AZURE_FUNCTIONS_ENVIRONMENT</c>; Core Tools sets Development) the app refuses to start without a strong key.
/// </summary>
internal sealed class SystemKeyRequiredValidator(IHostEnvironment environment) : IValidateOptions<SecurityOptions>
{
    public ValidateOptionsResult Validate(string? name, SecurityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.HasSystemKey)
        {
            return environment.IsDevelopment()
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(
                    $"{SecurityOptions.SystemKeySetting} must be set outside Development ({environment.EnvironmentName}): without it the " +
                    "administration routes under /api/admin would be open to anyone. Set Security__SystemKey (a Key Vault reference is best).");
        }

        return SecurityOptions.IsWellFormedKey(options.SystemKey!)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{SecurityOptions.SystemKeySetting} must be at least {SecurityOptions.MinimumSystemKeyLength} characters without whitespace or control characters.");
    }
}
