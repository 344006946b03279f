namespace DurableLessons.Bench.Http.Wire;

/// <summary>
/// One HTTP/1.1 response read in full. <see cref="Body"/> points into the reader's buffer and is valid only until
/// the reader's next read.
/// </summary>
internal readonly record struct HttpResponse(int StatusCode, bool KeepAlive, ReadOnlyMemory<byte> Body);
