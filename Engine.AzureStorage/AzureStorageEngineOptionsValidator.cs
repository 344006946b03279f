using Microsoft.Extensions.Options;

namespace DurableLessons.Engine.AzureStorage;

/// <summary>The account must be named exactly one way: a connection string or an account name for Entra ID.</summary>
internal sealed class AzureStorageEngineOptionsValidator : IValidateOptions<AzureStorageEngineOptions>
{
    public ValidateOptionsResult Validate(string? name, AzureStorageEngineOptions options)
    {
        var hasConnectionString = !string.IsNullOrWhiteSpace(options.ConnectionString);
        var hasAccountName = !string.IsNullOrWhiteSpace(options.AccountName);
        return (hasConnectionString, hasAccountName) switch
        {
            (false, false) => ValidateOptionsResult.Fail(
                "Engine:Provider=AzureStorage needs Engine:AzureStorage:ConnectionString or Engine:AzureStorage:AccountName (Entra ID)."),
            (true, true) => ValidateOptionsResult.Fail(
                "Set either Engine:AzureStorage:ConnectionString or Engine:AzureStorage:AccountName, not both."),
            _ => ValidateOptionsResult.Success,
        };
    }
}
