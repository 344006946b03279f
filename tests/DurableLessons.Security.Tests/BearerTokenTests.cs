using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using DurableLessons.Testing.Auth;
using static DurableLessons.Security.Tests.Infrastructure.Secrets;

namespace DurableLessons.Security.Tests;

/// <summary>
/// Auth:Authority + Auth:Audience: learners' bearer tokens are checked against a real issuer (its discovery document
/// and keys); a bad one is refused with 401 problem+json that does not echo it, and nothing is started.
/// </summary>
public sealed class BearerTokenTests : IssuerTests
{
    private readonly string _systemKey = NewKey("system");
    private Task<RunningHost> StartHostAsync(Dictionary<string, string>? extra = null)
    {
        var settings = Issuer.HostSettings(Audience);
        settings["Security:SystemKey"] = _systemKey;
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        return RunningHost.StartAsync(settings);
    }

    public static TheoryData<string> BadTokens => new()
    {
        "expired", "wrong audience", "wrong issuer", "bad signature", "alg none", "malformed", "not yet valid",
    };

    private string BadToken(string kind)
    {
        using var otherKey = RSA.Create(2048);
        return kind switch
        {
            "expired" => Issuer.CreateToken("learner-a", Audience, notBefore: DateTime.UtcNow.AddHours(-2), expires: DateTime.UtcNow.AddMinutes(-10)),
            "wrong audience" => Issuer.CreateToken("learner-a", "api://someone-else"),
            "wrong issuer" => Issuer.CreateToken("learner-a", Audience, issuer: "https://issuer.example"),
            "bad signature" => Issuer.CreateToken("learner-a", Audience, signWith: otherKey),
            "alg none" => Issuer.CreateUnsignedToken("learner-a", Audience),
            "malformed" => "eyJhbGciOiJSUzI1NiJ9.not-json.sig",
            "not yet valid" => Issuer.CreateToken("learner-a", Audience, notBefore: DateTime.UtcNow.AddMinutes(30), expires: DateTime.UtcNow.AddHours(2)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_bad_token_is_refused_with_401_problem_json_that_does_not_echo_it_and_nothing_starts(string kind)
    {
        await using var host = await StartHostAsync();
        var token = BadToken(kind);

        foreach (var (method, url) in new[] { (HttpMethod.Post, "/api/lessons"), (HttpMethod.Post, "/api/syllabi"), (HttpMethod.Get, "/api/me/syllabi") })
        {
            using var request = Request(method, url, json: method == HttpMethod.Post ? new { subject = "english", topic = "verbs", level = "beginner" } : null);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var (response, body) = await SendAsync(host.Client, request);

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
            Assert.Equal(401, JsonNode.Parse(body)!["status"]!.GetValue<int>());
            foreach (var part in token.Split('.').Where(part => part.Length > 8))
            {
                Assert.DoesNotContain(part, body, StringComparison.Ordinal);
            }
        }

        var (runs, runsBody) = await SendAsync(host.Client, Request(HttpMethod.Get, "/api/runs", key: _systemKey));
        Assert.Equal(HttpStatusCode.OK, runs.StatusCode);
        Assert.Empty(JsonNode.Parse(runsBody)!["runs"]!.AsArray());
    }

    [Fact]
    public async Task A_header_that_is_not_a_bearer_token_is_refused()
    {
        await using var host = await StartHostAsync();
        using var request = Request(HttpMethod.Post, "/api/lessons", json: new { subject = "english", topic = "verbs", level = "beginner" });
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", "dXNlcjpwYXNz");

        var (response, body) = await SendAsync(host.Client, request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Bearer <token>", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_valid_token_is_accepted_and_stands_in_for_the_function_key()
    {
        await using var host = await StartHostAsync(new() { ["Security:FunctionKey"] = NewKey("function") });

        using (var anonymous = Request(HttpMethod.Post, "/api/lessons", json: new { subject = "english", topic = "verbs", level = "beginner" }))
        {
            var (response, _) = await SendAsync(host.Client, anonymous);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        using var signedIn = Request(HttpMethod.Post, "/api/lessons", json: new { subject = "english", topic = "verbs", level = "beginner" });
        signedIn.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Issuer.CreateToken("learner-a", Audience));
        var (accepted, body) = await SendAsync(host.Client, signedIn);
        Assert.True(accepted.StatusCode == HttpStatusCode.Accepted, body);
    }

    [Fact]
    public async Task Without_Auth_settings_a_bearer_header_changes_nothing()
    {
        await using var host = await RunningHost.StartAsync();
        using var request = Request(HttpMethod.Post, "/api/lessons", json: new { subject = "english", topic = "verbs", level = "beginner" });
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");

        var (response, body) = await SendAsync(host.Client, request);

        Assert.True(response.StatusCode == HttpStatusCode.Accepted, body);
    }

    [Fact]
    public async Task The_admin_app_role_opens_the_admin_routes_a_learner_token_never_does_and_keys_keep_working()
    {
        await using var host = await StartHostAsync();
        const string Route = "/api/admin/runs/purge?status=Completed&dryRun=true";

        async Task<HttpStatusCode> PostAsync(string? token = null, string? key = null)
        {
            using var request = Request(HttpMethod.Post, Route, key: key);
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            var (response, _) = await SendAsync(host.Client, request);
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await PostAsync(token: Issuer.CreateToken("admin-1", Audience, roles: ["DurableLessons.Admin"])));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(token: Issuer.CreateToken("learner-a", Audience)));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(token: Issuer.CreateToken("learner-a", Audience, roles: ["DurableLessons.Reader"])));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync());
        Assert.Equal(HttpStatusCode.OK, await PostAsync(key: _systemKey));

        // The run listing names every learner's sessions: with sign-in on it is for administrators too.
        async Task<HttpStatusCode> ListAsync(string? token = null, string? key = null)
        {
            using var request = Request(HttpMethod.Get, "/api/runs", key: key);
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            var (response, _) = await SendAsync(host.Client, request);
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await ListAsync(token: Issuer.CreateToken("admin-1", Audience, roles: ["DurableLessons.Admin"])));
        Assert.Equal(HttpStatusCode.Forbidden, await ListAsync(token: Issuer.CreateToken("learner-a", Audience)));
        Assert.Equal(HttpStatusCode.Unauthorized, await ListAsync());
        Assert.Equal(HttpStatusCode.OK, await ListAsync(key: _systemKey));
    }

    [Fact]
    public async Task The_admin_role_claim_and_name_are_configurable()
    {
        await using var host = await StartHostAsync(new() { ["Auth:RoleClaim"] = "roles", ["Auth:AdminRole"] = "Ops" });
        using var request = Request(HttpMethod.Post, "/api/admin/runs/purge?status=Completed&dryRun=true");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Issuer.CreateToken("ops-1", Audience, roles: ["Ops"]));

        var (response, _) = await SendAsync(host.Client, request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_pages_sign_in_settings_are_public_even_behind_a_function_key_and_hold_no_key()
    {
        var functionKey = NewKey("function");
        await using var host = await StartHostAsync(new() { ["Security:FunctionKey"] = functionKey, ["Auth:ClientId"] = "spa-client" });

        var (response, body) = await SendAsync(host.Client, Request(HttpMethod.Get, "/api/auth/config"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var config = JsonNode.Parse(body)!;
        Assert.True(config["enabled"]!.GetValue<bool>());
        Assert.Equal(Issuer.Authority, config["authority"]!.GetValue<string>());
        Assert.Equal("spa-client", config["clientId"]!.GetValue<string>());
        Assert.DoesNotContain(functionKey, body, StringComparison.Ordinal);
        Assert.DoesNotContain(_systemKey, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_issuers_keys_cannot_be_read_a_token_is_answered_503_not_401()
    {
        var settings = Issuer.HostSettings(Audience);
        var token = Issuer.CreateToken("learner-a", Audience);
        await Issuer.DisposeAsync();
        await using var host = await RunningHost.StartAsync(settings);
        using var request = Request(HttpMethod.Post, "/api/lessons", json: new { subject = "english", topic = "verbs", level = "beginner" });
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var (response, body) = await SendAsync(host.Client, request);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(token, body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Auth:Audience", "", "set both")]
    [InlineData("Auth:RequireHttpsMetadata", "true", "RequireHttpsMetadata=false")]
    public async Task Settings_that_cannot_work_stop_the_host_at_start_naming_the_setting(string key, string value, string expected)
    {
        var settings = Issuer.HostSettings(Audience);
        settings[key] = value;

        var failure = await Assert.ThrowsAnyAsync<Exception>(async () => await (await RunningHost.StartAsync(settings)).DisposeAsync());

        Assert.Contains(expected, failure.ToString(), StringComparison.Ordinal);
    }
}
