namespace DurableLessons.AzureStorageEngine.Tests.Infrastructure;

/// <summary>One Azurite for the test classes of this project; every test uses a task hub and tables of its own.</summary>
[CollectionDefinition(Name)]
public sealed class OneAzurite : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
