using Microsoft.Extensions.Options;

namespace DurableLessons.Http.Security;

internal sealed class SecurityOptionsValidator : IValidateOptions<SecurityOptions>
{
    public ValidateOptionsResult Validate(string? name, SecurityOptions options)
    {
        if (!options.HasSystemKey)
        {
            return ValidateOptionsResult.Success;
        }

        var key = options.SystemKey!;
        if (key.Length < SecurityOptions.MinimumSystemKeyLength)
        {
            return ValidateOptionsResult.Fail(
                $"{SecurityOptions.SystemKeySetting} must be at least {SecurityOptions.MinimumSystemKeyLength} characters long (or empty to serve loopback only).");
        }

        if (key.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return ValidateOptionsResult.Fail($"{SecurityOptions.SystemKeySetting} must not contain whitespace or control characters.");
        }

        return ValidateOptionsResult.Success;
    }
}
