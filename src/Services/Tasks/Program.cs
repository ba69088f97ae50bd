using Khcn.Data;
using Khcn.Tasks;
using Khcn.Tasks.Data;
using Khcn.Tasks.Grpc;
using Khcn.Tasks.Seeding;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddKhcnDatabase<TasksDbContext>("tasksdb");
builder.AddTasksApplication();

var app = builder.Build();

await app.MigrateDatabaseAsync<TasksDbContext>();
await app.LoadSeedsAsync<SeedLoader, SeedOptions>();

app.MapDefaultEndpoints();
app.MapGrpcService<TasksGrpcService>();

app.Run();
