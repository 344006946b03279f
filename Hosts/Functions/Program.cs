using DurableLessons.Hosts.Functions;
using DurableLessons.Hosts.Functions.Security;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);

// ASP.NET Core integration: the /api handlers in Http/ take HttpRequest and return IResult in both hosts.
builder.ConfigureFunctionsWebApplication();

// Learner sign-in (Auth:*), then Security:FunctionKey, on the HTTP functions, as the embedded host applies them.
// After the ASP.NET Core integration, whose middleware gives the invocation its HttpContext.
builder.UseWhen<LearnerAuthenticationWorkerMiddleware>(FunctionKeyWorkerMiddleware.AppliesTo);
builder.UseWhen<FunctionKeyWorkerMiddleware>(FunctionKeyWorkerMiddleware.AppliesTo);

builder.Services.AddDurableLessonsOnFunctions(builder.Configuration);

await builder.Build().RunAsync();
