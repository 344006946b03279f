namespace DurableLessons.Hosts.Local;

/// <summary>
/// ASP.NET Core's data protection comes with authentication (registered when sign-in is configured) but nothing in
/// this host protects data: no cookies, no antiforgery tokens. Its hosted service still loads (or creates) the key ring
/// at start-up, which maps System.Private.Xml, XML key files and the crypto stack for the whole life of the process
/// (~8 MiB of the 200 MB budget, bench/README.md). Without that service the key ring is loaded the first time anything
/// asks for a protector, exactly as before, just not at start-up.
/// </summary>
internal static class LocalDataProtection
{
    // Internal to ASP.NET Core (Microsoft.AspNetCore.DataProtection.Internal); matched by name.
    public const string KeyRingLoaderTypeName = "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService";

    /// <summary>Removes the hosted service that loads the key ring eagerly; data protection itself stays registered.</summary>
    public static IServiceCollection LoadKeyRingOnFirstUse(this IServiceCollection services)
    {
        for (var index = services.Count - 1; index >= 0; index--)
        {
            var descriptor = services[index];
            if (descriptor.ServiceType == typeof(IHostedService) && !descriptor.IsKeyedService
                && descriptor.ImplementationType?.FullName == KeyRingLoaderTypeName)
            {
                services.RemoveAt(index);
            }
        }

        return services;
    }
}
