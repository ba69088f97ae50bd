// Placeholder until the AppHost issue: the orchestrator (Aspire-style app model) lands there.
Console.Error.WriteLine("Khcn.AppHost is not built yet. Run a service on its own: dotnet run --project src/Services/Provinces -- --urls http://127.0.0.1:5101");
return 1;
