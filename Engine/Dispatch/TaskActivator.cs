using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;

namespace DurableLessons.Engine.Dispatch;

/// <summary>Creates orchestrators and activities through DI, with one compiled factory per task type.</summary>
internal sealed class TaskActivator
{
    private readonly ConcurrentDictionary<Type, ObjectFactory> _factories = new();

    public T Create<T>(IServiceProvider services, Type type)
        where T : class =>
        (T)_factories.GetOrAdd(type, t => ActivatorUtilities.CreateFactory(t, Type.EmptyTypes))(services, null);
}
