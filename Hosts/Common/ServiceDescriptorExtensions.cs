using Microsoft.Extensions.DependencyInjection;

namespace DurableLessons.Hosts.Common;

public static class ServiceDescriptorExtensions
{
    /// <summary>
    /// What a registration would resolve to (its instance, its factory's product, or its type built from DI): how a
    /// service that replaces the registration reaches the one it wraps.
    /// </summary>
    public static TService Instantiate<TService>(this ServiceDescriptor registered, IServiceProvider provider)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(registered);
        return (TService)(registered.ImplementationInstance
            ?? registered.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!));
    }
}
