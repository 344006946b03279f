using DurableLessons.Hosts.Local;

await LocalHost.Build(args).RunAsync();
