using Azure.Core;
using Azure.Identity;
using DurableLessons.Llm.Configuration;

namespace DurableLessons.Llm.Model;

/// <summary>
/// The Entra ID credential of an Azure OpenAI provider that has no API key. A seam so that tests can hand the client a
/// token of their own without a real sign-in.
/// </summary>
internal interface IAzureCredentialSource
{
    TokenCredential CredentialFor(LlmProviderOptions provider);
}

/// <summary>DefaultAzureCredential (environment, workload identity, managed identity, Azure CLI, …).</summary>
internal sealed class DefaultAzureCredentialSource : IAzureCredentialSource
{
    public TokenCredential CredentialFor(LlmProviderOptions provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var clientId = provider.ManagedIdentityClientId?.Trim();
        return string.IsNullOrEmpty(clientId)
            ? new DefaultAzureCredential()
            : new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
    }
}
