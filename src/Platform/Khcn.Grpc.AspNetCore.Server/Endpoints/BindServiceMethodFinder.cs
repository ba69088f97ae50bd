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
        if (FindGeneratedBase(serviceType) is not var (baseType, attribute))
        {
            throw new InvalidOperationException(
                $"Service type {serviceType} does not derive from a generated gRPC service base class " +
                $"(no {nameof(BindServiceMethodAttribute)} found).");
        }

        return attribute.BindType
            .GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .FirstOrDefault(m => m.Name == attribute.BindMethodName && IsBindSignature(m, baseType))
            ?? throw new InvalidOperationException(
                $"Could not find bind method '{attribute.BindMethodName}' on {attribute.BindType} for service {serviceType}.");
    }

    /// <summary>
    /// The generated base class of <paramref name="serviceType"/> (the nearest one carrying <see cref="BindServiceMethodAttribute"/>)
    /// and that attribute, whose BindType is the generated static class of the service; null for other types.
    /// </summary>
    internal static (Type BaseType, BindServiceMethodAttribute Attribute)? FindGeneratedBase(Type serviceType)
    {
        for (var type = serviceType; type is not null; type = type.BaseType)
        {
            if (type.GetCustomAttribute<BindServiceMethodAttribute>(inherit: false) is { } attribute)
            {
                return (type, attribute);
            }
        }

        return null;
    }

    private static bool IsBindSignature(MethodInfo method, Type baseType)
    {
        var parameters = method.GetParameters();
        return parameters.Length == 2
            && parameters[0].ParameterType == typeof(ServiceBinderBase)
            && parameters[1].ParameterType.IsAssignableFrom(baseType);
    }
}
