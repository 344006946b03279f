using DurableLessons.StorageOutage.Tests.Infrastructure;
using DurableLessons.Testing.Azurite;

namespace DurableLessons.StorageOutage.Tests;

/// <summary>A save that Azurite committed but whose answer never reached the host must not become two versions on retry.</summary>
public sealed class LostCommitResponseTests
{
    private static readonly TestLesson Lesson = new("programming", "git basics", "beginner");

    [Fact]
    public async Task A_committed_save_whose_response_is_lost_is_retried_into_the_same_version_not_a_second_one()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        await using var proxy = await ResponseDroppingProxy.StartAsync(azurite.TablePort);
        await using var host = await TableBackedHost.StartAsync(azurite.ConnectionStringVia(tablePort: proxy.Port), azurite.ConnectionString);

        // First save inserts the latest pointer; the second replaces it under If-Match: both paths lose their answer once.
        Assert.Equal(["1.0"], await host.RunToCompletionAsync([Lesson]));
        Assert.Equal(1, proxy.DroppedResponses);
        Assert.Equal(["1.1"], await host.RunToCompletionAsync([Lesson]));
        Assert.Equal(2, proxy.DroppedResponses);

        await host.AssertVersionsExactlyAsync(Lesson, "1.0", "1.1");
    }
}
