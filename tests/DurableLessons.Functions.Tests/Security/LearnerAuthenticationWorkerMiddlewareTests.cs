using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using DurableLessons.Functions.Tests.Composition;
using DurableLessons.Hosts.Functions.Security;
using DurableLessons.Http.Auth;
using DurableLessons.Testing.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DurableLessons.Functions.Tests.Security;

/// <summary>
/// Auth:* in the Functions worker: the worker middleware validates the bearer against a real issuer with the same
/// settings as the embedded host, and trusts App Service Authentication's principal header only when told to.
/// </summary>
public sealed class LearnerAuthenticationWorkerMiddlewareTests : IssuerTests
{
    private const string FunctionKey = "function-key-for-tests-0123456789";
    private const string SystemKey = "system-key-for-tests-9876543210";
    private Dictionary<string, string?> Settings(bool trustAppService = false)
    {
        var settings = FunctionsApp.SampleSettings();
        foreach (var (key, value) in Issuer.HostSettings(Audience))
        {
            settings[key] = value;
        }

        settings["Security:FunctionKey"] = FunctionKey;
        settings["Security:SystemKey"] = SystemKey;
        settings["Auth:TrustAppServiceAuthentication"] = trustAppService ? "true" : "false";
        return settings;
    }

    [Fact]
    public async Task A_valid_token_signs_the_learner_in_and_passes_the_function_key_check()
    {
        using var app = new App(Settings());

        var call = await app.InvokeAsync("POST", "/api/syllabi", bearer: Issuer.CreateToken("learner-a", Audience, objectId: "oid-of-a"));

        Assert.True(call.FunctionRan, call.Body?.ToJsonString());
        Assert.Equal("oid-of-a", LearnerIdentity.IdOf(call.User));
    }

    [Fact]
    public async Task Bad_tokens_are_answered_401_problem_json_without_the_token_and_the_function_does_not_run()
    {
        using var app = new App(Settings());
        using var otherKey = RSA.Create(2048);
        string[] tokens =
        [
            Issuer.CreateToken("learner-a", Audience, notBefore: DateTime.UtcNow.AddHours(-2), expires: DateTime.UtcNow.AddMinutes(-10)),
            Issuer.CreateToken("learner-a", "api://someone-else"),
            Issuer.CreateToken("learner-a", Audience, issuer: "https://issuer.example"),
            Issuer.CreateToken("learner-a", Audience, signWith: otherKey),
            Issuer.CreateUnsignedToken("learner-a", Audience),
            "not-a-jwt",
        ];

        foreach (var token in tokens)
        {
            var call = await app.InvokeAsync("POST", "/api/syllabi", bearer: token);

            Assert.False(call.FunctionRan);
            Assert.Equal(StatusCodes.Status401Unauthorized, call.StatusCode);
            Assert.Equal("application/problem+json", call.ContentType);
            Assert.DoesNotContain(token, call.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_app_service_principal_header_is_ignored_unless_trusted()
    {
        var header = Convert.ToBase64String(Encoding.UTF8.GetBytes("""
            {"auth_typ":"aad","name_typ":"name","role_typ":"roles","claims":[
              {"typ":"http://schemas.microsoft.com/identity/claims/objectidentifier","val":"oid-from-app-service"},
              {"typ":"roles","val":"DurableLessons.Admin"}]}
            """));

        using (var untrusted = new App(Settings(trustAppService: false)))
        {
            var call = await untrusted.InvokeAsync("POST", "/api/syllabi", appServicePrincipal: header);
            Assert.False(call.FunctionRan);
            Assert.Equal(StatusCodes.Status401Unauthorized, call.StatusCode);
            Assert.Contains("function key", call.Text, StringComparison.Ordinal);
        }

        using var trusted = new App(Settings(trustAppService: true));
        var signedIn = await trusted.InvokeAsync("POST", "/api/syllabi", appServicePrincipal: header);
        Assert.True(signedIn.FunctionRan);
        Assert.Equal("oid-from-app-service", LearnerIdentity.IdOf(signedIn.User));
        Assert.True(trusted.Services.GetRequiredService<AdminRole>().IsHeldBy(signedIn.User!));
    }

    private sealed record Call(bool FunctionRan, int StatusCode, string? ContentType, string Text, ClaimsPrincipal? User)
    {
        public JsonObject? Body => Text.Length == 0 ? null : JsonNode.Parse(Text)?.AsObject();
    }

    /// <summary>The app's container with both access middlewares, run in the order Program.cs registers them.</summary>
    private sealed class App : IDisposable
    {
        public App(Dictionary<string, string?> settings)
        {
            Services = FunctionsApp.Compose(settings, services => services
                .AddSingleton<LearnerAuthenticationWorkerMiddleware>()
                .AddSingleton<FunctionKeyWorkerMiddleware>());
        }

        public ServiceProvider Services { get; }

        public async Task<Call> InvokeAsync(string method, string path, string? bearer = null, string? appServicePrincipal = null)
        {
            using var scope = Services.CreateScope();
            var http = FunctionInvocations.Request(scope.ServiceProvider, method, path);
            if (bearer is not null)
            {
                http.Request.Headers.Authorization = $"Bearer {bearer}";
            }

            if (appServicePrincipal is not null)
            {
                http.Request.Headers[AppServicePrincipalReader.HeaderName] = appServicePrincipal;
            }

            var ran = false;
            var invocation = FunctionInvocations.Of("AnyHttpFunction", "httpTrigger");
            var keys = Services.GetRequiredService<FunctionKeyWorkerMiddleware>();
            await Services.GetRequiredService<LearnerAuthenticationWorkerMiddleware>().InvokeAsync(invocation, http, next =>
                keys.InvokeAsync(next, http, _ =>
                {
                    ran = true;
                    return Task.CompletedTask;
                }));

            http.Response.Body.Position = 0;
            var text = await new StreamReader(http.Response.Body).ReadToEndAsync();
            return new Call(ran, http.Response.StatusCode, http.Response.ContentType, text, http.User);
        }

        public void Dispose() => Services.Dispose();
    }
}
