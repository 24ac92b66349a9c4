using System.Runtime.CompilerServices;
using Autobahn.Xunit.Sdk;

namespace Autobahn.Xunit.Tests;

/// <summary>
/// The host policy of this test assembly: many of its tests call the engine directly (not through
/// <c>CaseRunner.Shared</c>, which applies <see cref="ThreadPoolFloor"/>), so it applies the same floor once, when loaded.
/// </summary>
internal static class TestHostPolicy
{
#pragma warning disable CA2255 // A test assembly is a host: it applies its policy once, when it is loaded.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Apply() => ThreadPoolFloor.Ensure();
}
