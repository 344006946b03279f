using DurableLessons.Hosts.Functions;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);

// ASP.NET Core integration: the /api handlers in Http/ take HttpRequest and return IResult in both hosts.
builder.ConfigureFunctionsWebApplication();

builder.Services.AddDurableLessonsOnFunctions(builder.Configuration);

await builder.Build().RunAsync();
