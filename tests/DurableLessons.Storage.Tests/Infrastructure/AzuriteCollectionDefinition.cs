using DurableLessons.Testing.Azurite;

namespace DurableLessons.Storage.Tests.Infrastructure;

/// <summary>The tests that share one Azurite for the whole run.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollectionDefinition : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
