using DurableLessons.Application.Regeneration;
using DurableLessons.Application.Retention;
using DurableLessons.Application.Runs;
using DurableLessons.Http.Auth;
using DurableLessons.Http.Regeneration;
using DurableLessons.Http.Retention;
using DurableLessons.Http.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DurableLessons.Http.Runs;

/// <summary>Run administration: the listing under /api, bulk operations and retention under /api/admin (system key).</summary>
public static class AdminEndpoints
{
    public static class Routes
    {
        public const string Runs = "runs";
        public const string BulkOperation = "admin/runs/{operation}";
        public const string AdminRuns = "admin/runs";
        public const string Regenerations = "admin/regenerations";
    }

    /// <summary>Registers the handlers and the application services they call (retention's options are bound by <see cref="RetentionServiceCollectionExtensions.AddRetention"/>).</summary>
    public static IServiceCollection AddAdminHttp(this IServiceCollection services, IConfiguration configuration)
    {
        // The system key, also where the management webhooks are not hosted here (Functions serves its own).
        services.AddSystemKey(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddLearnerAuthentication(configuration);
        services.AddSingleton<AdminAccess>();
        services.AddRunStarter();
        services.AddSingleton<BulkRunOperations>();
        services.AddRetention(configuration);
        services.AddSingleton<RetentionEndpoint>();
        services.AddRegeneration(configuration);
        services.AddSingleton<RegenerationStartHandler>();
        return services;
    }

    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithTags("Administration");
        api.MapGet(Routes.Runs, async (HttpRequest request, DurableTaskClient client, AdminAccess access) =>
            access.DenyListing(request) ?? await RunQueries.ListAsync(request, client))
            .WithName("ListRuns");
        api.MapPost(Routes.BulkOperation, async (HttpRequest request, string operation, DurableTaskClient client, AdminAccess access, BulkRunOperations bulk) =>
            access.Deny(request) ?? await bulk.RunAsync(request, client, operation))
            .WithName("BulkRunOperation");
        api.MapDelete(Routes.AdminRuns, async (HttpRequest request, DurableTaskClient client, AdminAccess access, RetentionEndpoint retention) =>
            access.Deny(request) ?? await retention.PurgeAsync(request, client))
            .WithName("PurgeOldRuns");
        api.MapPost(Routes.Regenerations, async (HttpRequest request, DurableTaskClient client, AdminAccess access, RegenerationStartHandler regeneration) =>
            access.Deny(request) ?? await regeneration.StartNowAsync(request, client))
            .WithName("StartRegeneration");
        return endpoints;
    }
}
