using DurableLessons.Http.Requests;
using Microsoft.OpenApi;

namespace DurableLessons.Hosts.Local;

/// <summary>The OpenAPI document of the /api routes, served at /openapi/v1.json.</summary>
internal static class LocalOpenApi
{
    public static IServiceCollection AddLocalOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.ShouldInclude = endpoint => endpoint.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddOperationTransformer(async (operation, context, cancellationToken) =>
            {
                var body = context.Description.ActionDescriptor.EndpointMetadata.OfType<JsonRequestBody>().FirstOrDefault();
                if (body is null)
                {
                    return;
                }

                var schema = await context.GetOrCreateSchemaAsync(body.BodyType, null, cancellationToken);
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
                };
            });
        });
}
