using Training.Service.Tests.Support;
using Unpol.Training.V1;

namespace Training.Service.Tests.Http;

/// <summary>
/// One service with its HTTP/JSON endpoint on a real loopback socket, shared by a class of tests: callers of every
/// role, a course with an OPEN session, and a few Senegalese officers. Tests create what they change.
/// </summary>
public sealed class HttpWorld : IAsyncLifetime
{
    public TestService Service { get; private set; } = null!;
    public JsonCalls Http { get; private set; } = null!;
    public string Admin => TestService.BootstrapToken;
    public string FocalPointSN { get; private set; } = null!;
    public string FocalPointRW { get; private set; } = null!;
    public string Auditor { get; private set; } = null!;
    public string IntegrationReadingSN { get; private set; } = null!;
    public string Session { get; private set; } = null!;
    public IReadOnlyList<Officer> Officers { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Service = await TestService.StartAsync(http: true);
        Http = new JsonCalls(Service.HttpAddress!);
        FocalPointSN = await Service.FocalPointAsync("SN");
        FocalPointRW = await Service.FocalPointAsync("RW");
        Auditor = await Service.IssueTokenAsync(Role.Auditor);
        IntegrationReadingSN = await Service.IssueTokenAsync(Role.Integration, scope: new IntegrationScope { RegionCodes = { "SN" } });
        var catalog = new CatalogService.CatalogServiceClient(Service.AsAdmin());
        var course = await catalog.CreateCourseAsync("HTTP-STM", "http-stm");
        var session = await catalog.CreateSessionAsync(course.Name, new DateOnly(2027, 3, 1), "march");
        Session = (await catalog.OpenSessionAsync(new OpenSessionRequest { Name = session.Name })).Name;
        var roster = new RosterService.RosterServiceClient(Service.As(FocalPointSN));
        var officers = new List<Officer>();
        foreach (var family in new[] { "Ba", "Cisse", "Diallo", "Faye", "Gueye", "Ndiaye", "Sarr" })
            officers.Add(await roster.CreateOfficerAsync(new CreateOfficerRequest { Parent = "memberStates/SN", Officer = Samples.Officer(family) }));
        Officers = officers;
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Service.DisposeAsync();
    }
}
