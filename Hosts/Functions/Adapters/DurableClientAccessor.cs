using Microsoft.DurableTask.Client;

namespace DurableLessons.Hosts.Functions.Adapters;

/// <summary>
/// The <c>[DurableClient]</c> of the invocation in progress. Durable Functions hands its client only to bound
/// function parameters, while the shared /api handlers take <see cref="DurableLessons.Shared.Workflow.IWorkflowClient"/>
/// from DI; each HTTP function binds the client into this accessor for the duration of its call (flowing with the
/// async context, like <c>IHttpContextAccessor</c>).
/// </summary>
public sealed class DurableClientAccessor
{
    private readonly AsyncLocal<DurableTaskClient?> _current = new();

    /// <summary>The bound client; throws when called outside a function that bound one.</summary>
    public DurableTaskClient Current => _current.Value ?? throw new InvalidOperationException(
        "No Durable client is bound to this call. Bind '[DurableClient] DurableTaskClient client' in the function and wrap the call in DurableClientAccessor.Bind(client).");

    /// <summary>Makes <paramref name="client"/> current until the returned scope is disposed.</summary>
    public IDisposable Bind(DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var previous = _current.Value;
        _current.Value = client;
        return new Scope(this, previous);
    }

    private sealed class Scope(DurableClientAccessor accessor, DurableTaskClient? previous) : IDisposable
    {
        public void Dispose() => accessor._current.Value = previous;
    }
}
