using Microsoft.Extensions.Options;

namespace DurableLessons.Http.Security;

internal sealed class SecurityOptionsValidator : IValidateOptions<SecurityOptions>
{
    public ValidateOptionsResult Validate(string? name, SecurityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.HasFunctionKey)
        {
            var functionKey = options.FunctionKey!;
            if (!SecurityOptions.IsWellFormedKey(functionKey))
            {
                return ValidateOptionsResult.Fail(
                    $"{SecurityOptions.FunctionKeySetting} must be at least {SecurityOptions.MinimumSystemKeyLength} characters long, without whitespace or control characters (or empty for no key).");
            }

            if (string.Equals(functionKey, options.SystemKey, StringComparison.Ordinal))
            {
                return ValidateOptionsResult.Fail($"{SecurityOptions.FunctionKeySetting} must differ from {SecurityOptions.SystemKeySetting}: a function key must never open the administration routes.");
            }
        }

        if (!options.HasSystemKey)
        {
            return ValidateOptionsResult.Success;
        }

        return SecurityOptions.IsWellFormedKey(options.SystemKey!)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{SecurityOptions.SystemKeySetting} must be at least {SecurityOptions.MinimumSystemKeyLength} characters long, without whitespace or control characters (or empty to serve loopback only).");
    }
}
