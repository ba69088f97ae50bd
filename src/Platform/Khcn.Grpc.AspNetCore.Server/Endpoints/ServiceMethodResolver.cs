using System.Reflection;

namespace Grpc.AspNetCore.Server.Endpoints;

/// <summary>
/// Finds the instance method implementing a gRPC method on the service type and turns it into an
/// open-instance delegate, so calls invoke it directly instead of through <see cref="MethodInfo.Invoke(object?, object?[])"/>.
/// </summary>
internal static class ServiceMethodResolver
{
    public static TDelegate? TryCreateDelegate<TDelegate>(Type serviceType, string methodName, Type returnType, Type[] parameterTypes)
        where TDelegate : Delegate
    {
        var methodInfo = serviceType.GetMethod(
            methodName,
            BindingFlags.Public | BindingFlags.Instance,
            binder: null,
            parameterTypes,
            modifiers: null);
        if (methodInfo is null || methodInfo.ReturnType != returnType)
        {
            return null;
        }

        return (TDelegate?)Delegate.CreateDelegate(typeof(TDelegate), firstArgument: null, methodInfo, throwOnBindFailure: false);
    }
}
