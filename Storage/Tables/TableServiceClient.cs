using Azure.Core;
using Azure.Core.Pipeline;

namespace DurableLessons.Storage.Tables;

/// <summary>
/// A small client for the Azure Table service REST API (and Azurite) on Azure.Core's pipeline: retries of transient
/// failures, and either Shared Key (account key) or Entra ID bearer-token authentication.
/// </summary>
public sealed class TableServiceClient
{
    /// <summary>The OAuth scope of Azure Storage.</summary>
    public const string StorageScope = "https://storage.azure.com/.default";

    private readonly TablePipeline pipeline;

    /// <summary>Account-key authentication from a connection string (also <c>UseDevelopmentStorage=true</c>).</summary>
    public TableServiceClient(string connectionString, TableClientOptions? options = null)
        : this(TableConnectionString.Parse(connectionString), options)
    {
    }

    public TableServiceClient(TableConnectionString connectionString, TableClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        options ??= new TableClientOptions();
        var authentication = new SharedKeyLiteAuthenticationPolicy(connectionString.AccountName, connectionString.AccountKey);
        pipeline = Build(connectionString.TableEndpoint, options, authentication);
    }

    /// <summary>Entra ID authentication: a bearer token for <see cref="StorageScope"/> from <paramref name="credential"/>; https only.</summary>
    public TableServiceClient(Uri endpoint, TokenCredential credential, TableClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(credential);
        if (!endpoint.IsAbsoluteUri || endpoint.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException("An Entra ID Table endpoint must be an absolute https URL.", nameof(endpoint));
        }

        options ??= new TableClientOptions();
        pipeline = Build(new Uri(endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/')), options, new BearerTokenAuthenticationPolicy(credential, StorageScope));
    }

    public Uri Endpoint => pipeline.Endpoint;

    public TableClient GetTableClient(string tableName) => new(pipeline, tableName);

    private static TablePipeline Build(Uri endpoint, TableClientOptions options, HttpPipelinePolicy authentication)
    {
        HttpPipelinePolicy[] perRetry = [new StorageDateHeaderPolicy(TimeProvider.System), authentication];
        return new TablePipeline(HttpPipelineBuilder.Build(options, [], perRetry, new ResponseClassifier()), endpoint);
    }
}
