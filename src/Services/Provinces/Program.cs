using Khcn.Data;
using Khcn.Provinces;
using Khcn.Provinces.Data;
using Khcn.Provinces.Grpc;
using Khcn.Provinces.Seeding;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddKhcnDatabase<ProvincesDbContext>("provincesdb");
builder.AddProvincesApplication();

var app = builder.Build();

await app.MigrateDatabaseAsync<ProvincesDbContext>();
await app.LoadSeedsAsync();

app.MapDefaultEndpoints();
app.MapGrpcService<ProvincesGrpcService>();

app.Run();
