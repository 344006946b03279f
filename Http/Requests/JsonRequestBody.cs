namespace DurableLessons.Http.Requests;

/// <summary>
/// Endpoint metadata naming the JSON body a handler binds with <see cref="JsonBody{T}"/>, for the OpenAPI document.
/// Unlike <c>Accepts&lt;T&gt;()</c> it does not make routing answer 415 before the handler, so the reader's own
/// problem (which names Content-Type) and curl's default form content type both keep working.
/// </summary>
public sealed record JsonRequestBody(Type BodyType);
