using DurableLessons.Hosts.Common;
using DurableLessons.Shared.Authoring;
using DurableLessons.Shared.Storage;
using DurableLessons.Shared.Syllabi;
using DurableLessons.Testing.Authoring;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Xunit.Abstractions;

namespace DurableLessons.Testing.Engines;

/// <summary>
/// The product's orchestrations and activities, composed as the hosts compose them (<c>AddDurableLessons</c>,
/// <c>RegisterTasks</c>), on either engine: lessons and syllabi in SQLite in a temporary folder, research from the
/// shipped local corpus, and the product's author (offline unless the settings configure a model) behind a
/// <see cref="ControllableLessonAuthor"/> the test steers.
/// </summary>
public sealed class LessonTestEngine : IAsyncDisposable
{
    private readonly DirectoryInfo _data;

    private LessonTestEngine(TestEngine engine, ControllableLessonAuthor author, DirectoryInfo data)
    {
        Engine = engine;
        Author = author;
        _data = data;
    }

    public TestEngine Engine { get; }

    public ControllableLessonAuthor Author { get; }

    public DurableTaskClient Client => Engine.Client;

    public ILessonStore Lessons => Engine.Services.GetRequiredService<ILessonStore>();

    public ISyllabusStore Syllabi => Engine.Services.GetRequiredService<ISyllabusStore>();

    /// <param name="kind">The engine.</param>
    /// <param name="output">Where the engine's logs go.</param>
    /// <param name="settings">Configuration on top of the defaults.</param>
    /// <param name="services">Replaces product services (a failing store, say) after the product has registered them.</param>
    public static async Task<LessonTestEngine> StartAsync(
        EngineKind kind,
        ITestOutputHelper? output = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var data = Directory.CreateTempSubdirectory("durable-lessons-engine-");
        var values = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["DataDirectory"] = data.FullName,
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var author = new ControllableLessonAuthor();
        try
        {
            var engine = await TestEngine.StartAsync(
                kind,
                LessonServiceCollectionExtensions.RegisterTasks,
                registrations =>
                {
                    registrations.AddDurableLessons(configuration);
                    var product = registrations.Single(d => d.ServiceType == typeof(ILessonAuthor));
                    registrations.Remove(product);
                    registrations.AddSingleton<ILessonAuthor>(provider => author.Wrapping(ProductAuthor(product, provider)));
                    services?.Invoke(registrations);
                },
                new TestEngineOptions { Output = output, Settings = values });
            return new LessonTestEngine(engine, author, data);
        }
        catch
        {
            data.Delete(recursive: true);
            throw;
        }
    }

    private static ILessonAuthor ProductAuthor(ServiceDescriptor product, IServiceProvider provider) => product.Instantiate<ILessonAuthor>(provider);

    public async ValueTask DisposeAsync()
    {
        await Engine.DisposeAsync();
        try
        {
            _data.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A file the engine's pool still holds open; the temp folder is cleaned by the OS.
        }
    }
}
