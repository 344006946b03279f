namespace DurableLessons.Hosts.Local;

/// <summary>Start-up settings of the embedded host that are decided before services are registered.</summary>
internal static class LocalHostBuilderExtensions
{
    public const string DefaultUrl = "http://127.0.0.1:7071";
    public const string DataDirectoryKey = "DataDirectory";
    public const string DefaultDataDirectory = "./.data";

    /// <summary>Listens on <see cref="DefaultUrl"/> unless urls, ports or Kestrel endpoints are configured.</summary>
    public static WebApplicationBuilder UseLoopbackUrlByDefault(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var configured = !string.IsNullOrWhiteSpace(configuration["urls"])
            || !string.IsNullOrWhiteSpace(configuration["http_ports"])
            || !string.IsNullOrWhiteSpace(configuration["https_ports"])
            || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any();
        if (!configured)
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        return builder;
    }

    /// <summary>
    /// Resolves <c>DataDirectory</c> against the working directory, creates it, and publishes the absolute path back
    /// to configuration so the engine and every other component agree on one location.
    /// </summary>
    public static WebApplicationBuilder UseDataDirectory(this WebApplicationBuilder builder)
    {
        var configured = builder.Configuration[DataDirectoryKey];
        var path = Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? DefaultDataDirectory : configured, Environment.CurrentDirectory);
        Directory.CreateDirectory(path);
        builder.Configuration.AddInMemoryCollection([new KeyValuePair<string, string?>(DataDirectoryKey, path)]);
        return builder;
    }
}
