using Training.Service.Security;

namespace Training.Service.Tests.Security;

/// <summary>
/// The interceptor refuses a method that has no right (closed by default). These tests catch the two ways that
/// table drifts from the contract: a new RPC nobody can call, and a right kept for an RPC that no longer exists.
/// </summary>
public sealed class MethodRightsTests
{
    public static TheoryData<string> DeclaredMethods => new(RoleMatrixTests.DeclaredMethods().Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(DeclaredMethods))]
    public void EveryRpcOfTheContract_NeedsARight(string method) =>
        Assert.NotNull(MethodRights.For($"/unpol.training.v1.{method}"));

    [Fact]
    public void EveryMethodGivenARight_IsAnRpcOfTheContract() =>
        Assert.Empty(MethodRights.KnownMethods.Except(RoleMatrixTests.DeclaredMethods()).Order(StringComparer.Ordinal));

    [Theory]
    [InlineData("/grpc.health.v1.Health/Check")]
    [InlineData("/unpol.training.v1.RosterService/NoSuchMethod")]
    [InlineData("/unpol.training.v2.RosterService/GetOfficer")]
    [InlineData("RosterService/GetOfficer")]
    public void AMethodOutsideTheContract_HasNoRight(string method) => Assert.Null(MethodRights.For(method));

    [Fact]
    public void Operation_IsServiceSlashMethod_AsTheAuditTrailRecordsIt() =>
        Assert.Equal("RosterService/UpdateOfficer", MethodRights.Operation("/unpol.training.v1.RosterService/UpdateOfficer"));
}
