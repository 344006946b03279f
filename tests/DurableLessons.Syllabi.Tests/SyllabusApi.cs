using DurableLessons.Shared.Authoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DurableLessons.Syllabi.Tests;

/// <summary>The syllabus routes as a user calls them, over a real host.</summary>
public static class SyllabusApi
{
    public static Task<RunningHost> StartHostAsync(ControllableLessonAuthor? author = null, IReadOnlyDictionary<string, string>? settings = null) =>
        RunningHost.StartAsync(settings, services =>
        {
            if (author is not null)
            {
                services.RemoveAll<ILessonAuthor>();
                services.AddSingleton<ILessonAuthor>(author);
            }
        });

    public static Task<HttpResponseMessage> PostSyllabusAsync(this RunningHost host, object body) =>
        host.Client.PostAsJsonAsync("/api/syllabi", body);

    /// <summary>Plans a syllabus and waits for its run; returns the syllabus id from the run's output.</summary>
    public static async Task<string> CreateSyllabusAsync(this RunningHost host, string topic, string level)
    {
        using var response = await host.PostSyllabusAsync(new { topic, level });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var status = await host.PollUntilDoneAsync(response.Headers.Location!);
        Assert.True("Completed" == status["runtimeStatus"]!.GetValue<string>(), status.ToJsonString());
        return status["output"]!["id"]!.GetValue<string>();
    }

    public static async Task<JsonObject> GetSyllabusAsync(this RunningHost host, string id)
    {
        using var response = await host.Client.GetAsync($"/api/syllabi/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await RunningHost.ReadObjectAsync(response);
    }

    public static IReadOnlyList<JsonObject> Lessons(JsonObject syllabus) =>
        syllabus["modules"]!.AsArray().SelectMany(m => m!["lessons"]!.AsArray()).Select(l => l!.AsObject()).ToList();

    public static JsonObject Lesson(JsonObject syllabus, string lessonId) =>
        Lessons(syllabus).Single(l => l["id"]!.GetValue<string>() == lessonId);

    public static string State(JsonObject lesson) => lesson["state"]!.GetValue<string>();
}
