using Khcn.Provinces.Grpc;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapGrpcService<ProvincesGrpcService>();

app.Run();
