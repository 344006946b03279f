using DurableLessons.Http.Security;
using Microsoft.Extensions.Options;

namespace DurableLessons.Http.Links;

/// <summary>Public status links need a secret to sign with; a start-up without one fails with what to set.</summary>
internal sealed class ApiOptionsValidator(IOptions<SecurityOptions> security) : IValidateOptions<ApiOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        SecurityOptions keys;
        try
        {
            keys = security.Value;
        }
        catch (OptionsValidationException)
        {
            // Invalid keys fail start-up through their own validation; reporting them twice would only add noise.
            return ValidateOptionsResult.Skip;
        }

        if (options.HasStatusLinkKey)
        {
            var key = options.StatusLinkKey!;
            if (!SecurityOptions.IsWellFormedKey(key))
            {
                return ValidateOptionsResult.Fail(
                    $"{ApiOptions.StatusLinkKeySetting} must be at least {SecurityOptions.MinimumSystemKeyLength} characters long, without whitespace or control characters (or empty to derive it from {SecurityOptions.SystemKeySetting}).");
            }

            if (string.Equals(key, keys.SystemKey, StringComparison.Ordinal) || string.Equals(key, keys.FunctionKey, StringComparison.Ordinal))
            {
                return ValidateOptionsResult.Fail(
                    $"{ApiOptions.StatusLinkKeySetting} must differ from {SecurityOptions.SystemKeySetting} and {SecurityOptions.FunctionKeySetting}: rotating it revokes status links, never the keys.");
            }
        }

        if (options.PublicStatusLinks && !options.HasStatusLinkKey && !keys.HasSystemKey)
        {
            return ValidateOptionsResult.Fail(
                $"{ApiOptions.PublicStatusLinksSetting} is true but there is no secret to sign status links with: set {SecurityOptions.SystemKeySetting} or {ApiOptions.StatusLinkKeySetting} (at least {SecurityOptions.MinimumSystemKeyLength} characters).");
        }

        return ValidateOptionsResult.Success;
    }
}
