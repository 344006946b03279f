using Microsoft.DurableTask;

namespace DurableLessons.Functions.Tests.Adapters;

/// <summary>The SDK's pageable (abstract: only <c>AsPages</c>) serving fixed pages and recording how it was paged.</summary>
internal sealed class FakePageable<T>(params Page<T>[] pages) : AsyncPageable<T>
    where T : notnull
{
    public List<(string? ContinuationToken, int? PageSizeHint)> Requests { get; } = [];

    public override async IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
    {
        Requests.Add((continuationToken, pageSizeHint));
        foreach (var page in pages)
        {
            await Task.Yield();
            yield return page;
        }
    }
}
