// Runs the sample server on its own, e.g. for the Autobahn.Wstest CLI or wstest itself:
//   dotnet run --project samples/Autobahn.Samples.HttpListener -- 9001
using Autobahn.Samples.HttpListener;

var port = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 9001;
using var server = HttpListenerEchoServer.OnPort(port);
Console.WriteLine($"HttpListener WebSocket echo server on {server.Url} (Ctrl+C stops it)");
var stop = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.TrySetResult(); };
await stop.Task;
