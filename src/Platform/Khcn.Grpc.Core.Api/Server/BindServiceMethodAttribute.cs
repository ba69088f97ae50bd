namespace Grpc.Core;

/// <summary>
/// Placed by the code generator on service base classes: names the static method that binds the
/// service's methods to a <see cref="ServiceBinderBase"/>, so servers can discover them.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public class BindServiceMethodAttribute : Attribute
{
    public BindServiceMethodAttribute(Type bindType, string bindMethodName)
    {
        BindType = bindType;
        BindMethodName = bindMethodName;
    }

    /// <summary>Type that declares the bind method.</summary>
    public Type BindType { get; }

    /// <summary>Name of the static bind method.</summary>
    public string BindMethodName { get; }
}
