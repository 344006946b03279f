using Microsoft.Azure.Functions.Worker;
using Moq;

namespace DurableLessons.Functions.Tests.Activities;

/// <summary>An activity function's invocation as the worker hands it over: name, trigger binding data, scope and token.</summary>
internal static class ActivityInvocations
{
    public static FunctionContext Of(string functionName, string? instanceId, IServiceProvider instanceServices, CancellationToken cancellationToken = default)
    {
        var bindingData = new Dictionary<string, object?>();
        if (instanceId is not null)
        {
            bindingData["instanceId"] = instanceId;
        }

        var binding = new Mock<BindingContext>();
        binding.Setup(b => b.BindingData).Returns(bindingData);

        var definition = new Mock<FunctionDefinition>();
        definition.Setup(d => d.Name).Returns(functionName);

        var context = new Mock<FunctionContext>();
        context.Setup(c => c.FunctionDefinition).Returns(definition.Object);
        context.Setup(c => c.BindingContext).Returns(binding.Object);
        context.Setup(c => c.InstanceServices).Returns(instanceServices);
        context.Setup(c => c.CancellationToken).Returns(cancellationToken);
        context.Setup(c => c.InvocationId).Returns(Guid.NewGuid().ToString());
        return context.Object;
    }
}
