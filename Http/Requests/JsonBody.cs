using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace DurableLessons.Http.Requests;

/// <summary>
/// A handler parameter bound from the JSON request body by <see cref="JsonRequestReader"/>: the body, or the
/// problem+json that answers it (400 naming the field, 413 past <see cref="JsonBodyLimitAttribute"/>, 415).
/// Binding itself never fails, because ASP.NET Core would then answer a bare 400; the handler answers
/// <see cref="Rejection"/> where its contract puts it (a learner route answers 401 first). Declaring the parameter
/// also describes the body and those problems in the OpenAPI document.
/// </summary>
public sealed class JsonBody<T> : IBindableFromHttpContext<JsonBody<T>>, IEndpointParameterMetadataProvider
    where T : class
{
    private const string ProblemJson = "application/problem+json";

    private static readonly int MaxBytes = typeof(T).GetCustomAttribute<JsonBodyLimitAttribute>()?.MaxBytes ?? JsonRequestReader.DefaultMaxBytes;

    private readonly T? _value;

    private JsonBody(T? value, ProblemHttpResult? rejection)
    {
        _value = value;
        Rejection = rejection;
    }

    /// <summary>Why the body was refused, or null when <see cref="Value"/> holds it.</summary>
    public ProblemHttpResult? Rejection { get; }

    public T Value => _value ?? throw new InvalidOperationException($"The request body was rejected ({Rejection?.StatusCode}); answer {nameof(Rejection)} instead.");

    /// <summary>Reads the body of <paramref name="request"/>: minimal APIs bind it, the Functions host calls this.</summary>
    public static async Task<JsonBody<T>> ReadAsync(HttpRequest request)
    {
        var (value, problem) = await JsonRequestReader.ReadOrRejectAsync<T>(request, MaxBytes);
        return new JsonBody<T>(value, problem);
    }

    public static async ValueTask<JsonBody<T>?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        return await ReadAsync(context.Request);
    }

    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new JsonRequestBody(typeof(T)));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status400BadRequest, typeof(HttpValidationProblemDetails), [ProblemJson]));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status413PayloadTooLarge, typeof(ProblemDetails), [ProblemJson]));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status415UnsupportedMediaType, typeof(ProblemDetails), [ProblemJson]));
    }
}
