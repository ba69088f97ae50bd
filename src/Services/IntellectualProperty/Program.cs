using Khcn.Audit;
using Khcn.Data;
using Khcn.IntellectualProperty;
using Khcn.IntellectualProperty.Data;
using Khcn.IntellectualProperty.Grpc;
using Khcn.IntellectualProperty.Seeding;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddKhcnDatabase<IpDbContext>("ipdb");
builder.AddAuditLog<IpDbContext>();
builder.AddIntellectualPropertyApplication();

var app = builder.Build();

await app.MigrateDatabaseAsync<IpDbContext>();
await app.LoadSeedsAsync<SeedLoader, SeedOptions>();

app.MapDefaultEndpoints();
app.MapGrpcService<IntellectualPropertyGrpcService>();
app.MapAuditLog();

app.Run();
