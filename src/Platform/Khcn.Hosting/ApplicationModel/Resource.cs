namespace Aspire.Hosting.ApplicationModel;

/// <summary>Base of every resource: a name (lower-case letters, digits and hyphens, as Aspire requires) and annotations.</summary>
public abstract class Resource : IResource
{
    protected Resource(string name)
    {
        ResourceNames.Validate(name);
        Name = name;
    }

    public string Name { get; }

    public ResourceAnnotationCollection Annotations { get; } = [];

    public override string ToString() => Name;
}
