using System.Collections.Immutable;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Moq;

namespace DurableLessons.Functions.Tests.Security;

/// <summary>Function invocations as the worker describes them to middleware: a name and the trigger's binding type.</summary>
internal static class FunctionInvocations
{
    public static FunctionContext Of(string functionName, string triggerBindingType)
    {
        var trigger = new Mock<BindingMetadata>();
        trigger.Setup(binding => binding.Name).Returns("trigger");
        trigger.Setup(binding => binding.Type).Returns(triggerBindingType);
        trigger.Setup(binding => binding.Direction).Returns(BindingDirection.In);

        var definition = new Mock<FunctionDefinition>();
        definition.Setup(function => function.Name).Returns(functionName);
        definition.Setup(function => function.InputBindings)
            .Returns(ImmutableDictionary<string, BindingMetadata>.Empty.Add("trigger", trigger.Object));

        var context = new Mock<FunctionContext>();
        context.Setup(invocation => invocation.FunctionDefinition).Returns(definition.Object);
        context.Setup(invocation => invocation.InvocationId).Returns(Guid.NewGuid().ToString());
        return context.Object;
    }

    /// <summary>A request to the app on loopback as the ASP.NET Core integration hands it over, with a response body to read back.</summary>
    public static DefaultHttpContext Request(IServiceProvider requestServices, string method, string path)
    {
        var http = new DefaultHttpContext { RequestServices = requestServices };
        http.Request.Method = method;
        http.Request.Scheme = "http";
        http.Request.Host = new HostString("127.0.0.1", 7071);
        http.Request.Path = PathString.FromUriComponent(path);
        http.Connection.RemoteIpAddress = IPAddress.Loopback;
        http.Response.Body = new MemoryStream();
        return http;
    }
}
