namespace Aspire.Hosting.ApplicationModel;

/// <summary>Marker of what can be said about a resource.</summary>
public interface IResourceAnnotation;
