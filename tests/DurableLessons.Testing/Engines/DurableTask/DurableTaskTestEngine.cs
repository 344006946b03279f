using DurableLessons.Shared.Serialization;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Testing;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DurableLessons.Testing.Engines.DurableTask;

/// <summary>
/// The Durable Task SDK's worker and client on the Durable Task Framework's executor, behind the in-process test
/// host's gRPC sidecar, with the product's JSON as data converter and every orchestrator run as the Durable Functions
/// extension runs it (<see cref="FunctionsOrchestrator"/>).
/// </summary>
public sealed class DurableTaskTestEngine : TestEngine
{
    private readonly DurableTaskTestHost _host;
    private readonly ILoggerFactory _loggerFactory;
    private bool _disposed;

    private DurableTaskTestEngine(DurableTaskTestHost host, ILoggerFactory loggerFactory, TimeSpan waitTimeout)
        : base(EngineKind.DurableTask, waitTimeout)
    {
        _host = host;
        _loggerFactory = loggerFactory;
    }

    public override DurableTaskClient Client => _host.Client;

    public override IServiceProvider Services => _host.Services;

    internal static async Task<TestEngine> StartAsync(
        Action<DurableTaskRegistry> tasks, Action<IServiceCollection>? services, TestEngineOptions options)
    {
        var loggerFactory = LoggerFactory.Create(logging => logging.AddProvider(new Logging.CapturedLogs(options.Output, LogLevel.Warning)));
        var converter = new JsonDataConverter(WorkflowJson.Options);
        // Orchestrators are wrapped before the host exists; they get its services once it does (no run starts earlier).
        var hostServices = new LateServiceProvider();
        try
        {
            var host = await DurableTaskTestHost.StartAsync(
                registry => FunctionsOrchestrator.RegisterWrapped(tasks, registry, hostServices),
                new DurableTaskTestHostOptions
                {
                    Port = FreePort.Find(),
                    LoggerFactory = loggerFactory,
                    ConfigureServices = collection =>
                    {
                        services?.Invoke(collection);
                        // The host registers the worker and client after this callback; explicitly set options win
                        // over its defaults (a DataConverter service is only used when none was set).
                        collection.Configure<DurableTaskWorkerOptions>(worker => worker.DataConverter = converter);
                        collection.Configure<DurableTaskClientOptions>(client => client.DataConverter = converter);
                    },
                });
            hostServices.Set(host.Services);
            return new DurableTaskTestEngine(host, loggerFactory, options.WaitTimeout);
        }
        catch
        {
            loggerFactory.Dispose();
            throw;
        }
    }

    public override Task StartAsync() =>
        throw new NotSupportedException("The in-process test host starts with its engine; only the embedded engine can be built stopped.");

    public override Task StopAsync() => DisposeAsync().AsTask();

    public override async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _host.DisposeAsync();
        _loggerFactory.Dispose();
    }

    /// <summary>The test host's services, which exist only after the registry was filled.</summary>
    private sealed class LateServiceProvider : IServiceProvider
    {
        private IServiceProvider? _services;

        public void Set(IServiceProvider services) => _services = services;

        public object? GetService(Type serviceType) =>
            (_services ?? throw new InvalidOperationException("An orchestration ran before the test host had started.")).GetService(serviceType);
    }
}
