using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace DurableLessons.Http.Requests;

/// <summary>
/// The one way a request body is read: in full, never past a limit, whatever Content-Length claims. The API's
/// <see cref="JsonRequestReader"/> and the embedded host's webhooks read through it and interpret the bytes by
/// their own contracts.
/// </summary>
public static class BoundedRequestBody
{
    /// <summary>The body's bytes, or null when the body (or its declared Content-Length) is larger than <paramref name="maxBytes"/>.</summary>
    public static async Task<ReadOnlyMemory<byte>?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
