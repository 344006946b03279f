using DurableLessons.Hosts.Local;
using DurableLessons.Hosts.Local.Cli;

if (LessonCli.Handles(args))
{
    return await LessonCli.RunAsync(args, Console.Out, Console.Error);
}

await LocalHost.Build(args).RunAsync();
return 0;
