using System.Net;
using Microsoft.AspNetCore.Http;

namespace DurableLessons.Http.Security;

/// <summary>Classifies server listen URLs (<c>http://127.0.0.1:7071</c>, <c>http://*:80</c>, …) by reachability.</summary>
public static class ListenAddresses
{
    /// <summary>
    /// True when only this machine can connect: loopback IPs, <c>localhost</c> and Unix sockets. Wildcards
    /// (<c>*</c>, <c>+</c>, <c>0.0.0.0</c>, <c>[::]</c>), other host names and unparsable URLs count as reachable.
    /// </summary>
    public static bool IsLoopbackOnly(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        BindingAddress address;
        try
        {
            address = BindingAddress.Parse(url);
        }
        catch (FormatException)
        {
            return false;
        }

        if (address.IsUnixPipe)
        {
            return true;
        }

        var host = address.Host.Trim('[', ']');
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip);
    }
}
