using Khcn.Audit;
using Khcn.Data;
using Khcn.Tasks;
using Khcn.Tasks.Data;
using Khcn.Tasks.Grpc;
using Khcn.Tasks.Seeding;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddKhcnDatabase<TasksDbContext>("tasksdb");
builder.AddAuditLog<TasksDbContext>();
builder.AddTasksApplication();

var app = builder.Build();

await app.MigrateDatabaseAsync<TasksDbContext>();
await app.LoadSeedsAsync<SeedLoader, SeedOptions>();

app.MapDefaultEndpoints();
app.MapGrpcService<TasksGrpcService>();
app.MapAuditLog();

app.Run();
