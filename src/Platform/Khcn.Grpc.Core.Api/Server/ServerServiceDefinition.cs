namespace Grpc.Core;

/// <summary>A service's methods with their handlers, as produced by the generated <c>BindService(TServiceBase)</c>.</summary>
public class ServerServiceDefinition
{
    private readonly IReadOnlyList<Action<ServiceBinderBase>> _addMethodActions;

    internal ServerServiceDefinition(IReadOnlyList<Action<ServiceBinderBase>> addMethodActions)
    {
        _addMethodActions = addMethodActions;
    }

    /// <summary>Adds every method of this definition to the given binder.</summary>
    public void BindService(ServiceBinderBase serviceBinder)
    {
        ArgumentNullException.ThrowIfNull(serviceBinder);
        foreach (var addMethod in _addMethodActions)
        {
            addMethod(serviceBinder);
        }
    }

    public static Builder CreateBuilder() => new();

    /// <summary>Collects methods; rejects two methods with the same full name.</summary>
    public class Builder
    {
        private readonly HashSet<string> _methodNames = new(StringComparer.Ordinal);
        private readonly List<Action<ServiceBinderBase>> _addMethodActions = [];

        public Builder AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse> handler)
            where TRequest : class
            where TResponse : class =>
            Add(method, binder => binder.AddMethod(method, handler));

        public Builder AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse> handler)
            where TRequest : class
            where TResponse : class =>
            Add(method, binder => binder.AddMethod(method, handler));

        public Builder AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse> handler)
            where TRequest : class
            where TResponse : class =>
            Add(method, binder => binder.AddMethod(method, handler));

        public Builder AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse> handler)
            where TRequest : class
            where TResponse : class =>
            Add(method, binder => binder.AddMethod(method, handler));

        public ServerServiceDefinition Build() => new(_addMethodActions.ToArray());

        private Builder Add(IMethod method, Action<ServiceBinderBase> addMethod)
        {
            ArgumentNullException.ThrowIfNull(method);
            if (!_methodNames.Add(method.FullName))
            {
                throw new ArgumentException($"A method named {method.FullName} has already been added.", nameof(method));
            }

            _addMethodActions.Add(addMethod);
            return this;
        }
    }
}
