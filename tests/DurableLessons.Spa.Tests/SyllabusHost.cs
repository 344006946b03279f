using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DurableLessons.Shared.Authoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DurableLessons.Spa.Tests;

/// <summary>A host whose lessons are written by a <see cref="GatedLessonAuthor"/>, and syllabi planned through its API.</summary>
public static class SyllabusHost
{
    public static Task<RunningHost> StartAsync(GatedLessonAuthor author, IReadOnlyDictionary<string, string>? settings = null) =>
        RunningHost.StartAsync(settings, services =>
        {
            services.RemoveAll<ILessonAuthor>();
            services.AddSingleton<ILessonAuthor>(author);
        });

    /// <summary>Plans a syllabus and waits for its run; returns its id.</summary>
    public static async Task<string> CreateSyllabusAsync(this RunningHost host, string topic, string level)
    {
        using var response = await host.Client.PostAsJsonAsync("/api/syllabi", new { topic, level });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var status = await host.PollUntilDoneAsync(response.Headers.Location!);
        Assert.True(status["runtimeStatus"]!.GetValue<string>() == "Completed", status.ToJsonString());
        return status["output"]!["id"]!.GetValue<string>();
    }

    /// <summary>The lessons of a syllabus as the API reports them, in order.</summary>
    public static async Task<IReadOnlyList<JsonObject>> GetLessonsAsync(this RunningHost host, string id)
    {
        using var response = await host.Client.GetAsync(new Uri($"api/syllabi/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var syllabus = await RunningHost.ReadObjectAsync(response);
        return [.. syllabus["modules"]!.AsArray().SelectMany(module => module!["lessons"]!.AsArray()).Select(lesson => lesson!.AsObject())];
    }

    public static Uri SyllabusPage(this RunningHost host, string id) => new(host.BaseAddress, $"syllabus.html#/syllabi/{id}");
}
