using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Syllabi;
using DurableLessons.Storage.Syllabi;
using DurableLessons.Storage.Tests.Infrastructure;
using DurableLessons.Testing.Azurite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DurableLessons.Storage.Tests;

/// <summary>What every <see cref="ISyllabusOwners"/> must do, on each provider. Each test gets fresh, empty storage.</summary>
public abstract class SyllabusOwnersContractTests : ProviderContractTests<ISyllabusOwners>
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private ISyllabusOwners Owners => Store;

    protected override IServiceCollection Register(IServiceCollection services, IConfiguration configuration) =>
        services.AddSyllabusStorage(configuration);

    private static SyllabusOwner Owner(string id, string owner, int minutes) =>
        new(id, owner, "fractions", LessonLevel.Intermediate, Shared: false, Start.AddMinutes(minutes));

    [Fact]
    public async Task The_first_claim_holds_and_a_later_one_does_not_take_the_syllabus_over()
    {
        Assert.Null(await Owners.GetAsync("s-1", None));

        var first = await Owners.ClaimAsync(Owner("s-1", "ann", 0), None);
        var second = await Owners.ClaimAsync(Owner("s-1", "bob", 1), None);

        Assert.Equal(Owner("s-1", "ann", 0), first);
        Assert.Equal(Owner("s-1", "ann", 0), second);
        Assert.Equal(Owner("s-1", "ann", 0), await Owners.GetAsync("s-1", None));
        Assert.Empty(await Owners.ListAsync("bob", None));
    }

    [Fact]
    public async Task A_learners_syllabi_are_listed_newest_first_with_whether_they_are_shared()
    {
        await Owners.ClaimAsync(Owner("s-old", "ann", 0), None);
        await Owners.ClaimAsync(Owner("s-new", "ann", 5), None);
        await Owners.ClaimAsync(Owner("s-bob", "bob", 3), None);

        await Owners.ShareAsync("s-old", None);
        await Owners.ShareAsync("s-old", None);
        await Owners.ShareAsync("s-unknown", None);

        var listed = await Owners.ListAsync("ann", None);
        Assert.Equal(["s-new", "s-old"], listed.Select(owner => owner.SyllabusId));
        Assert.Equal([false, true], listed.Select(owner => owner.Shared));
        Assert.True((await Owners.GetAsync("s-old", None))!.Shared);
        Assert.Null(await Owners.GetAsync("s-unknown", None));
    }
}

public sealed class SqliteSyllabusOwnersContractTests : SyllabusOwnersContractTests
{
    private readonly TemporaryDataDirectory dataDirectory = new("owners");

    protected override IReadOnlyDictionary<string, string?> Settings => dataDirectory.Settings;

    protected override Task CleanUpAsync() => dataDirectory.DeleteAsync();
}

[Collection(AzuriteCollectionDefinition.Name)]
public sealed class TableSyllabusOwnersContractTests(AzuriteFixture azurite) : SyllabusOwnersContractTests
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = azurite.FreshTableSettings();
}
