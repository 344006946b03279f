using System.Net;
using System.Text.Json;

namespace DurableLessons.Http.Tests.Infrastructure;

public static class ResponseAssertions
{
    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>Asserts an RFC 7807 answer with the given status and returns its body.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected} but got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(body);
        var problem = document.RootElement.Clone();
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        return problem;
    }

    /// <summary>Asserts a 400 problem whose <c>errors</c> name <paramref name="parameter"/>.</summary>
    public static async Task<JsonElement> AssertInvalidParameterAsync(this HttpResponseMessage response, string parameter)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(
            problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(parameter, out var messages) && messages.GetArrayLength() > 0,
            $"The problem does not name '{parameter}': {problem.GetRawText()}");
        Assert.Contains(parameter, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        return problem;
    }

    public static string[] PropertyNames(this JsonElement element) =>
        element.EnumerateObject().Select(property => property.Name).ToArray();
}
