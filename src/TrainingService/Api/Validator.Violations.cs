using Training.Service.Domain.Common;

namespace Training.Service.Api;

public sealed partial class Validator
{
    /// <summary>
    /// The violations found so far. An import validates thousands of rows and reports each bad one in the stream
    /// instead of failing the call, so it reads them here rather than through an exception per row.
    /// </summary>
    public IReadOnlyList<FieldViolation> Violations => _violations;
}
