using DurableLessons.Storage.Configuration;
using Microsoft.Extensions.Options;

namespace DurableLessons.Hosts.Functions.Configuration;

/// <summary>
/// On Azure Functions lessons must live in Table storage: instances scale out and are replaced, and the app's file
/// system is read-only when it runs from a package, so the embedded host's SQLite file would lose lessons.
/// </summary>
internal sealed class TableStorageRequiredValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.Equals(options.Provider?.Trim(), nameof(StorageProvider.Table), StringComparison.OrdinalIgnoreCase)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"Storage:Provider must be '{nameof(StorageProvider.Table)}' on Azure Functions (was '{options.Provider}'); set Storage__Provider=Table " +
                "and Storage__Table__ConnectionString (UseDevelopmentStorage=true with Azurite) or Storage__Table__Endpoint.");
    }
}
