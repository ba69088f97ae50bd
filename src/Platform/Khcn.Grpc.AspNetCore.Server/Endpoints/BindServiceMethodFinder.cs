using System.Reflection;
using Grpc.Core;

namespace Grpc.AspNetCore.Server.Endpoints;

/// <summary>
/// Finds the generated static <c>BindService(ServiceBinderBase, TBase)</c> through the
/// <see cref="BindServiceMethodAttribute"/> on the generated base class of a service.
/// </summary>
internal static class BindServiceMethodFinder
{
    public static MethodInfo Find(Type serviceType)
    {
        for (var type = serviceType; type is not null; type = type.BaseType)
        {
            var attribute = type.GetCustomAttribute<BindServiceMethodAttribute>(inherit: false);
            if (attribute is null)
            {
                continue;
            }

            var bindMethod = attribute.BindType
                .GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                .FirstOrDefault(m => m.Name == attribute.BindMethodName && IsBindSignature(m, type));
            if (bindMethod is not null)
            {
                return bindMethod;
            }

            throw new InvalidOperationException(
                $"Could not find bind method '{attribute.BindMethodName}' on {attribute.BindType} for service {serviceType}.");
        }

        throw new InvalidOperationException(
            $"Service type {serviceType} does not derive from a generated gRPC service base class " +
            $"(no {nameof(BindServiceMethodAttribute)} found).");
    }

    private static bool IsBindSignature(MethodInfo method, Type baseType)
    {
        var parameters = method.GetParameters();
        return parameters.Length == 2
            && parameters[0].ParameterType == typeof(ServiceBinderBase)
            && parameters[1].ParameterType.IsAssignableFrom(baseType);
    }
}
