using Autobahn.Testsuite.Protocol;

namespace Autobahn.Testsuite.Tests.Protocol;

public class OpcodesTests
{
    [Theory]
    [InlineData(0, false, false, false)]
    [InlineData(1, false, false, false)]
    [InlineData(2, false, false, false)]
    [InlineData(3, false, true, false)]
    [InlineData(7, false, true, false)]
    [InlineData(8, true, false, false)]
    [InlineData(9, true, false, false)]
    [InlineData(10, true, false, false)]
    [InlineData(11, true, false, true)]
    [InlineData(15, true, false, true)]
    public void Classify_Opcode_MatchesRfc6455Section52(int opcode, bool control, bool reservedData, bool reservedControl)
    {
        Assert.Equal(control, Opcodes.IsControl(opcode));
        Assert.Equal(reservedData, Opcodes.IsReservedData(opcode));
        Assert.Equal(reservedControl, Opcodes.IsReservedControl(opcode));
    }
}
