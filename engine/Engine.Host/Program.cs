using Engine.Host;

var app = EngineApplication.Build(args);
await app.RunAsync().ConfigureAwait(false);
