using Unpol.Training.V1;

namespace Training.Service.Tests.Support;

/// <summary>
/// A running service with an administrator and focal points of Senegal and France, and shortcuts to open
/// sessions, add officers and nominate them — all through the public API.
/// </summary>
public sealed class NominationWorld : IAsyncDisposable
{
    private readonly Dictionary<string, (RosterService.RosterServiceClient, NominationService.NominationServiceClient)> _otherFocalPoints = [];
    private int _courses;

    private NominationWorld(TestService service) => Service = service;

    public TestService Service { get; }
    public CatalogService.CatalogServiceClient Catalog { get; private set; } = null!;
    public NominationService.NominationServiceClient Admin { get; private set; } = null!;
    public NominationService.NominationServiceClient Senegal { get; private set; } = null!;
    public NominationService.NominationServiceClient France { get; private set; } = null!;
    public RosterService.RosterServiceClient SenegalRoster { get; private set; } = null!;
    public RosterService.RosterServiceClient FranceRoster { get; private set; } = null!;
    public string SenegalToken { get; private set; } = "";

    public static async Task<NominationWorld> StartAsync(IDictionary<string, string?>? settings = null, bool kestrel = false)
    {
        var world = new NominationWorld(await TestService.StartAsync(settings: settings, kestrel: kestrel));
        var service = world.Service;
        world.SenegalToken = await service.FocalPointAsync("SN");
        var france = await service.FocalPointAsync("FR");
        world.Catalog = new CatalogService.CatalogServiceClient(service.AsAdmin());
        world.Admin = new NominationService.NominationServiceClient(service.AsAdmin());
        world.Senegal = new NominationService.NominationServiceClient(service.As(world.SenegalToken));
        world.France = new NominationService.NominationServiceClient(service.As(france));
        world.SenegalRoster = new RosterService.RosterServiceClient(service.As(world.SenegalToken));
        world.FranceRoster = new RosterService.RosterServiceClient(service.As(france));
        return world;
    }

    /// <summary>Creates a course (changed by <paramref name="course"/>) and an OPEN session of it (changed by <paramref name="session"/>).</summary>
    public async Task<Session> OpenSessionAsync(Action<Course>? course = null, Action<Session>? session = null)
    {
        var courseDraft = Samples.Course($"COURSE-{++_courses}");
        course?.Invoke(courseDraft);
        var created = await Catalog.CreateCourseAsync(new CreateCourseRequest { Course = courseDraft });
        var sessionDraft = Samples.Session();
        session?.Invoke(sessionDraft);
        var draft = await Catalog.CreateSessionAsync(new CreateSessionRequest { Parent = created.Name, Session = sessionDraft });
        return await Catalog.OpenSessionAsync(new OpenSessionRequest { Name = draft.Name });
    }

    public async Task<Officer> OfficerAsync(string region = "SN", Action<Officer>? change = null, string family = "Diop",
        string given = "Awa", Gender gender = Gender.Female)
    {
        var officer = Samples.Officer(family, given, gender);
        change?.Invoke(officer);
        var (roster, _) = await FocalPointOfAsync(region);
        return await roster.CreateOfficerAsync(new CreateOfficerRequest { Parent = $"memberStates/{region}", Officer = officer });
    }

    public async Task<Nomination> SubmitAsync(Officer officer, Session session, string? requestId = null)
    {
        var region = officer.Name.Split('/')[1];
        var (_, client) = await FocalPointOfAsync(region);
        var response = await client.SubmitNominationAsync(new SubmitNominationRequest
        {
            Parent = $"memberStates/{region}",
            Nomination = new Nomination { Officer = officer.Name, Session = session.Name },
            RequestId = requestId ?? "",
        });
        return response.Nomination;
    }

    /// <summary>The roster and nomination clients of a focal point of <paramref name="region"/>, issued on first use.</summary>
    public async Task<(RosterService.RosterServiceClient Roster, NominationService.NominationServiceClient Nominations)> FocalPointOfAsync(string region)
    {
        if (region == "SN") return (SenegalRoster, Senegal);
        if (region == "FR") return (FranceRoster, France);
        if (!_otherFocalPoints.TryGetValue(region, out var clients))
        {
            var invoker = Service.As(await Service.FocalPointAsync(region));
            clients = (new RosterService.RosterServiceClient(invoker), new NominationService.NominationServiceClient(invoker));
            _otherFocalPoints[region] = clients;
        }
        return clients;
    }

    /// <summary>Submits a fresh Senegalese officer to the session and returns the nomination.</summary>
    public async Task<Nomination> NominateNewOfficerAsync(Session session, string family, Gender gender = Gender.Female, string region = "SN") =>
        await SubmitAsync(await OfficerAsync(region, family: family, gender: gender), session);

    public async ValueTask DisposeAsync() => await Service.DisposeAsync();
}
