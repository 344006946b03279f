namespace DurableLessons.Storage.Tables;

/// <summary>
/// A storage account connection string reduced to what the Table client needs. Understands
/// <c>DefaultEndpointsProtocol</c>, <c>AccountName</c>, <c>AccountKey</c>, <c>TableEndpoint</c>, <c>EndpointSuffix</c> and
/// <c>UseDevelopmentStorage=true</c> (Azurite). Error messages and <see cref="ToString"/> never contain the key.
/// </summary>
public sealed class TableConnectionString
{
    public const string DevelopmentAccountName = "devstoreaccount1";

    /// <summary>The well-known, public key of the storage emulators' development account.</summary>
    public const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public static readonly Uri DevelopmentTableEndpoint = new("http://127.0.0.1:10002/devstoreaccount1");

    private static readonly string[] KnownSettings =
        ["DefaultEndpointsProtocol", "AccountName", "AccountKey", "TableEndpoint", "EndpointSuffix", "UseDevelopmentStorage",
         "BlobEndpoint", "QueueEndpoint", "FileEndpoint"];

    private TableConnectionString(Uri tableEndpoint, string accountName, byte[] accountKey)
    {
        TableEndpoint = tableEndpoint;
        AccountName = accountName;
        AccountKey = accountKey;
    }

    /// <summary>The Table service endpoint, without a trailing slash (path-style for emulators: http://127.0.0.1:10002/devstoreaccount1).</summary>
    public Uri TableEndpoint { get; }

    public string AccountName { get; }

    internal byte[] AccountKey { get; }

    public static TableConnectionString Parse(string connectionString) =>
        TryParse(connectionString, out var parsed, out var error) ? parsed : throw new FormatException(error);

    public static bool TryParse(string? connectionString, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TableConnectionString? parsed, out string error)
    {
        parsed = null;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            error = "The connection string is empty.";
            return false;
        }

        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var segment in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = segment.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? segment[..equals].Trim() : "";
            if (name.Length == 0)
            {
                error = "The connection string is not a list of Name=Value settings separated by ';'.";
                return false;
            }

            if (!settings.TryAdd(name, segment[(equals + 1)..].Trim()))
            {
                error = $"The connection string sets {name} more than once.";
                return false;
            }
        }

        if (settings.ContainsKey("SharedAccessSignature"))
        {
            error = "SharedAccessSignature connection strings are not supported; use an account key, or an endpoint with Entra ID.";
            return false;
        }

        if (settings.TryGetValue("UseDevelopmentStorage", out var development))
        {
            if (!bool.TryParse(development, out var useDevelopment) || !useDevelopment || settings.Count > 1)
            {
                error = "UseDevelopmentStorage must be 'true' and stand alone (DevelopmentStorageProxyUri is not supported).";
                return false;
            }

            parsed = new(DevelopmentTableEndpoint, DevelopmentAccountName, Convert.FromBase64String(DevelopmentAccountKey));
            error = "";
            return true;
        }

        var unknown = settings.Keys.FirstOrDefault(name => !KnownSettings.Contains(name, StringComparer.OrdinalIgnoreCase));
        if (unknown is not null)
        {
            error = $"The connection string has an unknown setting '{unknown}'.";
            return false;
        }

        if (!settings.TryGetValue("AccountName", out var accountName) || accountName.Length == 0)
        {
            error = "The connection string has no AccountName.";
            return false;
        }

        if (!settings.TryGetValue("AccountKey", out var encodedKey) || encodedKey.Length == 0)
        {
            error = "The connection string has no AccountKey.";
            return false;
        }

        var key = new byte[encodedKey.Length];
        if (!Convert.TryFromBase64String(encodedKey, key, out var keyLength) || keyLength == 0)
        {
            error = "The connection string's AccountKey is not valid base64.";
            return false;
        }

        if (!TryResolveEndpoint(settings, accountName, out var endpoint, out error))
        {
            return false;
        }

        parsed = new(endpoint, accountName, key[..keyLength]);
        return true;
    }

    public override string ToString() => $"TableEndpoint={TableEndpoint};AccountName={AccountName}";

    private static bool TryResolveEndpoint(Dictionary<string, string> settings, string accountName, out Uri endpoint, out string error)
    {
        endpoint = DevelopmentTableEndpoint;
        if (settings.TryGetValue("TableEndpoint", out var explicitEndpoint))
        {
            if (!Uri.TryCreate(explicitEndpoint, UriKind.Absolute, out var parsedEndpoint) || !IsHttp(parsedEndpoint) ||
                !string.IsNullOrEmpty(parsedEndpoint.Query))
            {
                error = "The connection string's TableEndpoint is not an absolute http(s) URL without a query.";
                return false;
            }

            endpoint = WithoutTrailingSlash(parsedEndpoint);
            error = "";
            return true;
        }

        var protocol = settings.GetValueOrDefault("DefaultEndpointsProtocol", "https");
        if (!protocol.Equals("https", StringComparison.OrdinalIgnoreCase) && !protocol.Equals("http", StringComparison.OrdinalIgnoreCase))
        {
            error = "The connection string's DefaultEndpointsProtocol must be http or https.";
            return false;
        }

        var suffix = settings.GetValueOrDefault("EndpointSuffix", "core.windows.net").Trim('.');
        var scheme = protocol.Equals("http", StringComparison.OrdinalIgnoreCase) ? "http" : "https";
        if (!Uri.TryCreate($"{scheme}://{accountName}.table.{suffix}", UriKind.Absolute, out var built))
        {
            error = "The connection string's AccountName and EndpointSuffix do not form a valid host name.";
            return false;
        }

        endpoint = WithoutTrailingSlash(built);
        error = "";
        return true;
    }

    private static bool IsHttp(Uri uri) => uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp;

    private static Uri WithoutTrailingSlash(Uri uri) => new(uri.GetLeftPart(UriPartial.Path).TrimEnd('/'));
}
