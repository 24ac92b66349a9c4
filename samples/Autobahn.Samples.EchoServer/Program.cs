// Run on its own: dotnet run --project samples/Autobahn.Samples.EchoServer -- --urls http://127.0.0.1:9001
// then point the suite at it: AUTOBAHN_SERVER_URL=ws://127.0.0.1:9001/ dotnet test samples/Autobahn.Samples.Tests
await Autobahn.Samples.EchoServer.EchoApp.Build(args).RunAsync();
