using Microsoft.Extensions.Options;

namespace DurableLessons.Storage.Configuration;

/// <summary>Checks the Storage section at start-up; messages name the configuration key and never echo secrets.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    private const int MaxTablePrefixLength = 50;

    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Enum.TryParse<StorageProvider>(options.Provider, ignoreCase: true, out var provider) || !Enum.IsDefined(provider) ||
            int.TryParse(options.Provider, out _))
        {
            return ValidateOptionsResult.Fail($"Storage:Provider must be '{StorageProvider.Sqlite}' or '{StorageProvider.Table}' (was '{options.Provider}').");
        }

        return provider == StorageProvider.Table ? ValidateTable(options.Table ?? new()) : ValidateOptionsResult.Success;
    }

    private static ValidateOptionsResult ValidateTable(TableStorageOptions table)
    {
        var failures = new List<string>();
        var hasConnectionString = !string.IsNullOrWhiteSpace(table.ConnectionString);
        var hasEndpoint = !string.IsNullOrWhiteSpace(table.Endpoint);
        if (hasConnectionString == hasEndpoint)
        {
            failures.Add("Set exactly one of Storage:Table:ConnectionString (account key or UseDevelopmentStorage=true) or " +
                         "Storage:Table:Endpoint (Entra ID) when Storage:Provider is 'Table'.");
        }
        else if (hasConnectionString && !TableConnectionStrings.IsUsable(table.ConnectionString!))
        {
            failures.Add("Storage:Table:ConnectionString is not a storage connection string: expected AccountName and AccountKey " +
                         "(with DefaultEndpointsProtocol and EndpointSuffix, or TableEndpoint), TableEndpoint and SharedAccessSignature, " +
                         "or UseDevelopmentStorage=true.");
        }
        else if (hasEndpoint && (!Uri.TryCreate(table.Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add("Storage:Table:Endpoint must be an absolute https URL such as https://<account>.table.core.windows.net.");
        }

        var prefix = table.TablePrefix;
        if (string.IsNullOrEmpty(prefix) || prefix.Length > MaxTablePrefixLength || !char.IsAsciiLetter(prefix[0]) || !prefix.All(char.IsAsciiLetterOrDigit))
        {
            failures.Add($"Storage:Table:TablePrefix must be 1-{MaxTablePrefixLength} letters or digits starting with a letter.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
