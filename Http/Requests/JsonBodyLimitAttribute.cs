namespace DurableLessons.Http.Requests;

/// <summary>
/// The largest JSON body, in bytes, that <see cref="JsonBody{T}"/> accepts for the request type it marks
/// (default <see cref="JsonRequestReader.DefaultMaxBytes"/>); both hosts read the limit from here.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class JsonBodyLimitAttribute(int maxBytes) : Attribute
{
    public int MaxBytes { get; } = maxBytes;
}
