// The Tasks contract's message is called Task (khcn.tasks.v1.Task); in code "Task" means .NET's.
global using Task = System.Threading.Tasks.Task;

// Nearly every test here speaks the IP contract through the fixtures and assertions of Infrastructure/ and tests/Shared.
global using Khcn.IntellectualProperty.Tests.Infrastructure;
global using Khcn.IntellectualProperty.V1;
global using Khcn.Tests.Infrastructure;
