using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Training.Service.Tests.Support;
using Unpol.Training.V1;
using static Training.Service.Tests.Support.CatalogSamples;
using State = Unpol.Training.V1.Session.Types.State;

namespace Training.Service.Tests.Api;

public sealed class CatalogApiTests : IAsyncLifetime
{
    private static readonly DateOnly March1 = new(2027, 3, 1);

    private TestService _service = null!;
    private CatalogService.CatalogServiceClient _admin = null!;

    public async Task InitializeAsync()
    {
        _service = await TestService.StartAsync();
        _admin = new CatalogService.CatalogServiceClient(_service.AsAdmin());
    }

    public async Task DisposeAsync() => await _service.DisposeAsync();

    // Courses: create

    [Fact]
    public async Task CreateCourse_WithoutId_TakesTheIdFromTheCodeAndStampsTheOutputFields()
    {
        var draft = Course("UNPOL STM (2027)");
        draft.LanguageCode = "EN";

        var course = await _admin.CreateCourseAsync(new CreateCourseRequest { Course = draft });

        Assert.Equal("courses/unpol-stm-2027", course.Name);
        Assert.Equal("en", course.LanguageCode);
        Assert.Equal(Instant(new DateTime(2027, 1, 11, 9, 0, 0, DateTimeKind.Utc)), course.CreateTime);
        Assert.Equal(course.CreateTime, course.UpdateTime);
        Assert.NotEmpty(course.Etag);
        Assert.Equal(course, await _admin.GetCourseAsync(new GetCourseRequest { Name = course.Name }));
    }

    [Theory]
    [InlineData("Côte d'Ivoire CPTM", "courses/cote-d-ivoire-cptm")]
    [InlineData("2027 CPTM", "courses/course-2027-cptm")]
    [InlineData("--W-SPOC--", "courses/w-spoc")]
    public async Task CreateCourse_CodeWithAccentsSymbolsOrLeadingDigit_GivesAValidId(string code, string expectedName)
    {
        var course = await _admin.CreateCourseAsync(code);
        Assert.Equal(expectedName, course.Name);
    }

    [Fact]
    public async Task CreateCourse_IdFromCodeAlreadyTaken_GetsAShortSuffix()
    {
        var first = await _admin.CreateCourseAsync("CPTM");
        var second = await _admin.CreateCourseAsync("CPTM");

        Assert.Equal("courses/cptm", first.Name);
        Assert.Matches("^courses/cptm-[a-z0-9]{4}$", second.Name);
    }

    [Fact]
    public async Task CreateCourse_ClientChosenIdTaken_IsAlreadyExists()
    {
        await _admin.CreateCourseAsync("CPTM", courseId: "cptm");
        var error = await RpcAssert.FailsWith(StatusCode.AlreadyExists,
            () => _admin.CreateCourseAsync(new CreateCourseRequest { CourseId = "cptm", Course = Course("CPTM-2") }));
        Assert.Equal("RESOURCE_ALREADY_EXISTS", error.Reason());
    }

    [Fact]
    public async Task CreateCourse_OutputOnlyFieldsSent_AreIgnored()
    {
        var draft = Course("CPTM");
        draft.Name = "courses/chosen-by-name";
        draft.CreateTime = Instant(new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        draft.Etag = "\"99\"";

        var course = await _admin.CreateCourseAsync(new CreateCourseRequest { Course = draft });

        Assert.Equal("courses/cptm", course.Name);
        Assert.Equal(2027, course.CreateTime.ToDateTime().Year);
        Assert.NotEqual("\"99\"", course.Etag);
    }

    [Fact]
    public async Task CreateCourse_RetriedWithTheSameRequestId_ReturnsTheFirstCourseAndAuditsOnce()
    {
        var request = new CreateCourseRequest { Course = Course("CPTM"), RequestId = Guid.NewGuid().ToString() };

        var first = await _admin.CreateCourseAsync(request);
        _service.Clock.Advance(TimeSpan.FromMinutes(5));
        var retry = await _admin.CreateCourseAsync(request);

        Assert.Equal(first, retry);
        var courses = await _admin.ListCoursesAsync(new ListCoursesRequest());
        Assert.Single(courses.Courses);
        Assert.Single(await AuditOf(first.Name));
    }

    [Fact]
    public async Task CreateCourse_ManyInvalidFields_AreAllReportedInOneBadRequest()
    {
        var draft = new Course
        {
            Code = "",
            Title = new string('t', 201),
            Description = "line one\nline two\u0007",
            Category = CourseCategory.Unspecified,
            LanguageCode = "xx",
            CertificateValidityMonths = 241,
            Requirements = new CourseRequirements
            {
                Languages = { new LanguageRequirement { LanguageCode = "fr" } },
                Skills = { new SkillRequirement { SkillCode = "juggling" } },
                PrerequisiteCourses = { "cptm" },
                MinServiceYears = 41,
                MinAge = 15,
                MaxNomineesPerMemberState = 0,
            },
        };

        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => _admin.CreateCourseAsync(
            new CreateCourseRequest { CourseId = "Not_An_Id", RequestId = "not-a-uuid", Course = draft }));

        Assert.Equal(
            new[]
            {
                "course_id", "request_id", "course.code", "course.title", "course.description", "course.category",
                "course.language_code", "course.requirements.languages[0].minimum_level",
                "course.requirements.skills[0].skill_code", "course.requirements.prerequisite_courses[0]",
                "course.requirements.min_service_years", "course.requirements.min_age",
                "course.requirements.max_nominees_per_member_state", "course.certificate_validity_months",
            }.Order(),
            error.BadFields().Order());
    }

    [Fact]
    public async Task CreateCourse_MaxAgeNotAboveMinAge_IsInvalidArgumentOnMaxAge()
    {
        var draft = Course();
        draft.Requirements.MinAge = 40;
        draft.Requirements.MaxAge = 40;

        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument,
            () => _admin.CreateCourseAsync(new CreateCourseRequest { Course = draft }));

        Assert.Equal(["course.requirements.max_age"], error.BadFields());
    }

    [Fact]
    public async Task CreateCourse_PrerequisiteUnknownRepeatedOrItself_NamesEachBadEntry()
    {
        await _admin.CreateCourseAsync("CPTM", courseId: "cptm");
        var draft = Course();
        draft.Requirements.PrerequisiteCourses.Add(["courses/cptm", "courses/nope", "courses/stm", "courses/cptm"]);

        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument,
            () => _admin.CreateCourseAsync(new CreateCourseRequest { CourseId = "stm", Course = draft }));

        Assert.Equal(
            [
                "course.requirements.prerequisite_courses[1]",
                "course.requirements.prerequisite_courses[2]",
                "course.requirements.prerequisite_courses[3]",
            ],
            error.BadFields());
    }

    [Fact]
    public async Task CreateCourse_WithExistingPrerequisite_KeepsItsName()
    {
        var cptm = await _admin.CreateCourseAsync("CPTM");
        var draft = Course();
        draft.Requirements.PrerequisiteCourses.Add(cptm.Name);

        var course = await _admin.CreateCourseAsync(new CreateCourseRequest { Course = draft });

        Assert.Equal([cptm.Name], course.Requirements.PrerequisiteCourses);
    }

    // Courses: read

    [Fact]
    public async Task GetCourse_Unknown_IsNotFound()
    {
        var error = await RpcAssert.FailsWith(StatusCode.NotFound,
            () => _admin.GetCourseAsync(new GetCourseRequest { Name = "courses/nope" }));
        Assert.Equal("RESOURCE_NOT_FOUND", error.Reason());
    }

    [Fact]
    public async Task GetCourse_MalformedName_IsInvalidArgumentNamingTheField()
    {
        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument,
            () => _admin.GetCourseAsync(new GetCourseRequest { Name = "course/CPTM" }));
        Assert.Equal(["name"], error.BadFields());
    }

    [Fact]
    public async Task ListCourses_OneCategoryOverSeveralPages_YieldsEachCourseOnceInIdOrder()
    {
        foreach (var code in new[] { "STM-E", "STM-A", "CPTM-1", "STM-C", "CPTM-2", "STM-B" })
            await _admin.CreateCourseAsync(code, category: code.StartsWith("STM") ? CourseCategory.Stm : CourseCategory.Cptm);

        var names = new List<string>();
        var token = "";
        var pages = 0;
        do
        {
            var page = await _admin.ListCoursesAsync(new ListCoursesRequest { Category = CourseCategory.Stm, PageSize = 2, PageToken = token });
            Assert.All(page.Courses, c => Assert.Equal(CourseCategory.Stm, c.Category));
            names.AddRange(page.Courses.Select(c => c.Name));
            token = page.NextPageToken;
            pages++;
        } while (token != "");

        Assert.Equal(["courses/stm-a", "courses/stm-b", "courses/stm-c", "courses/stm-e"], names);
        Assert.Equal(2, pages);
    }

    [Fact]
    public async Task ListCourses_TokenFromAnotherCategory_IsInvalidArgument()
    {
        await _admin.CreateCourseAsync("STM-A");
        await _admin.CreateCourseAsync("STM-B");
        var first = await _admin.ListCoursesAsync(new ListCoursesRequest { PageSize = 1 });

        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => _admin.ListCoursesAsync(
            new ListCoursesRequest { PageSize = 1, Category = CourseCategory.Stm, PageToken = first.NextPageToken }));

        Assert.Equal(["page_token"], error.BadFields());
    }

    [Fact]
    public async Task ListCourses_NegativePageSize_IsInvalidArgument()
    {
        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument,
            () => _admin.ListCoursesAsync(new ListCoursesRequest { PageSize = -1 }));
        Assert.Equal(["page_size"], error.BadFields());
    }

    // Courses: update and delete

    [Fact]
    public async Task UpdateCourse_WithMask_ChangesOnlyTheMaskedFields()
    {
        var course = await _admin.CreateCourseAsync("CPTM");
        _service.Clock.Advance(TimeSpan.FromHours(1));
        var changes = course.Clone();
        changes.Title = "Core Pre-deployment Training Materials";
        changes.Code = "CHANGED";
        changes.Description = "";

        var updated = await _admin.UpdateCourseAsync(new UpdateCourseRequest
        {
            Course = changes,
            UpdateMask = FieldMask.FromString("title"),
        });

        Assert.Equal("Core Pre-deployment Training Materials", updated.Title);
        Assert.Equal(course.Code, updated.Code);
        Assert.Equal(course.Description, updated.Description);
        Assert.NotEqual(course.Etag, updated.Etag);
        Assert.Equal(course.CreateTime, updated.CreateTime);
        Assert.Equal(course.UpdateTime.ToDateTime().AddHours(1), updated.UpdateTime.ToDateTime());
        Assert.Equal("updated title", (await AuditOf(course.Name))[^1].Summary);
    }

    [Fact]
    public async Task UpdateCourse_MaskNamingOneRequirement_ChangesOrClearsOnlyThatRequirement()
    {
        var course = await _admin.CreateCourseAsync("CPTM");
        var changes = new Course { Name = course.Name, Requirements = new CourseRequirements { MinAge = 30 } };

        var updated = await _admin.UpdateCourseAsync(new UpdateCourseRequest
        {
            Course = changes,
            UpdateMask = FieldMask.FromString("requirements.max_age"),
        });

        Assert.False(updated.Requirements.HasMaxAge);
        Assert.Equal(25, updated.Requirements.MinAge);
        Assert.Equal(course.Title, updated.Title);
    }

    [Fact]
    public async Task UpdateCourse_StarMask_ReplacesEveryWritableField()
    {
        var course = await _admin.CreateCourseAsync("CPTM");
        var changes = new Course
        {
            Name = course.Name,
            Code = "CPTM-FR",
            Title = "Matériels de formation de base préalable au déploiement",
            Category = CourseCategory.Cptm,
            LanguageCode = "fr",
        };

        var updated = await _admin.UpdateCourseAsync(new UpdateCourseRequest { Course = changes, UpdateMask = FieldMask.FromString("*") });

        Assert.Equal(("CPTM-FR", "fr", CourseCategory.Cptm, "", 0), (updated.Code, updated.LanguageCode, updated.Category, updated.Description, updated.CertificateValidityMonths));
        Assert.Equal(new CourseRequirements(), updated.Requirements);
        Assert.Equal("updated code, title, description, category, language_code, requirements, certificate_validity_months",
            (await AuditOf(course.Name))[^1].Summary);
    }

    [Fact]
    public async Task UpdateCourse_NothingActuallyChanged_KeepsTheEtagAndRecordsNoEvent()
    {
        var course = await _admin.CreateCourseAsync("CPTM");

        var updated = await _admin.UpdateCourseAsync(new UpdateCourseRequest { Course = course, UpdateMask = FieldMask.FromString("*") });

        Assert.Equal(course, updated);
        Assert.Single(await AuditOf(course.Name));
    }

    [Fact]
    public async Task UpdateCourse_StaleEtag_IsAborted()
    {
        var course = await _admin.CreateCourseAsync("CPTM");
        await _admin.UpdateCourseAsync(new UpdateCourseRequest { Course = new Course(course) { Title = "First edit" }, UpdateMask = FieldMask.FromString("title") });

        var error = await RpcAssert.FailsWith(StatusCode.Aborted, () => _admin.UpdateCourseAsync(
            new UpdateCourseRequest { Course = new Course(course) { Title = "Second edit" }, UpdateMask = FieldMask.FromString("title") }));

        Assert.Equal("ETAG_MISMATCH", error.Reason());
        Assert.Equal("First edit", (await _admin.GetCourseAsync(new GetCourseRequest { Name = course.Name })).Title);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("nonsense")]
    [InlineData("create_time")]
    [InlineData("requirements.nonsense")]
    public async Task UpdateCourse_MaskMissingUnknownOrOutputOnly_IsInvalidArgumentOnUpdateMask(string? paths)
    {
        var course = await _admin.CreateCourseAsync("CPTM");

        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => _admin.UpdateCourseAsync(
            new UpdateCourseRequest { Course = course, UpdateMask = paths is null ? null : FieldMask.FromString(paths) }));

        Assert.Equal(["update_mask"], error.BadFields());
    }

    [Fact]
    public async Task UpdateCourse_MaxAgeBelowTheStoredMinAge_IsInvalidArgumentOnMaxAge()
    {
        var course = await _admin.CreateCourseAsync("CPTM");
        var changes = new Course { Name = course.Name, Requirements = new CourseRequirements { MaxAge = 20 } };

        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => _admin.UpdateCourseAsync(
            new UpdateCourseRequest { Course = changes, UpdateMask = FieldMask.FromString("requirements.max_age") }));

        Assert.Equal(["course.requirements.max_age"], error.BadFields());
    }

    [Fact]
    public async Task UpdateCourse_MadeItsOwnPrerequisite_IsInvalidArgument()
    {
        var course = await _admin.CreateCourseAsync("CPTM");
        var changes = new Course(course);
        changes.Requirements.PrerequisiteCourses.Add(course.Name);

        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => _admin.UpdateCourseAsync(
            new UpdateCourseRequest { Course = changes, UpdateMask = FieldMask.FromString("requirements.prerequisite_courses") }));

        Assert.Equal(["course.requirements.prerequisite_courses[0]"], error.BadFields());
    }

    [Fact]
    public async Task UpdateCourse_Unknown_IsNotFound()
    {
        var changes = Course();
        changes.Name = "courses/nope";

        await RpcAssert.FailsWith(StatusCode.NotFound, () => _admin.UpdateCourseAsync(
            new UpdateCourseRequest { Course = changes, UpdateMask = FieldMask.FromString("title") }));
    }

    [Fact]
    public async Task DeleteCourse_WithoutSessions_RemovesIt()
    {
        var course = await _admin.CreateCourseAsync("CPTM");

        await _admin.DeleteCourseAsync(new DeleteCourseRequest { Name = course.Name, Etag = course.Etag });

        await RpcAssert.FailsWith(StatusCode.NotFound, () => _admin.GetCourseAsync(new GetCourseRequest { Name = course.Name }));
        Assert.Equal("deleted course CPTM", (await AuditOf(course.Name))[^1].Summary);
    }

    [Fact]
    public async Task DeleteCourse_WithSessions_IsFailedPreconditionCourseHasSessions()
    {
        var course = await _admin.CreateCourseAsync("CPTM");
        await _admin.CreateSessionAsync(course.Name, March1);

        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition,
            () => _admin.DeleteCourseAsync(new DeleteCourseRequest { Name = course.Name }));

        Assert.Equal("COURSE_HAS_SESSIONS", error.Reason());
        Assert.Equal(["COURSE_HAS_SESSIONS"], error.ViolationTypes());
    }

    [Fact]
    public async Task DeleteCourse_StaleEtag_IsAbortedAndKeepsTheCourse()
    {
        var course = await _admin.CreateCourseAsync("CPTM");
        await _admin.UpdateCourseAsync(new UpdateCourseRequest { Course = new Course(course) { Title = "Edited" }, UpdateMask = FieldMask.FromString("title") });

        await RpcAssert.FailsWith(StatusCode.Aborted,
            () => _admin.DeleteCourseAsync(new DeleteCourseRequest { Name = course.Name, Etag = course.Etag }));

        await _admin.GetCourseAsync(new GetCourseRequest { Name = course.Name });
    }

    // Sessions: create

    [Fact]
    public async Task CreateSession_WithoutLanguageOrId_TakesTheCoursesLanguageARandomIdAndStartsAsDraft()
    {
        var course = await _admin.CreateCourseAsync("CPTM");

        var session = await _admin.CreateSessionAsync(course.Name, March1);

        Assert.Matches("^courses/cptm/sessions/[a-z][a-z0-9]{11}$", session.Name);
        Assert.Equal("en", session.LanguageCode);
        Assert.Equal(State.Draft, session.State);
        Assert.Equal(Day(March1), session.StartDate);
        Assert.Equal("SN", session.Allocations.Single().RegionCode);
        Assert.Equal(session, await _admin.GetSessionAsync(new GetSessionRequest { Name = session.Name }));
    }

    [Fact]
    public async Task CreateSession_FrenchEdition_KeepsItsOwnLanguageInCanonicalCase()
    {
        var course = await _admin.CreateCourseAsync("CPTM");
        var draft = Session(March1);
        draft.LanguageCode = "FR";
        draft.Allocations[0].RegionCode = "sn";

        var session = await _admin.CreateSessionAsync(new CreateSessionRequest { Parent = course.Name, SessionId = "dakar-fr", Session = draft });

        Assert.Equal("courses/cptm/sessions/dakar-fr", session.Name);
        Assert.Equal("fr", session.LanguageCode);
        Assert.Equal("SN", session.Allocations[0].RegionCode);
    }

    [Fact]
    public async Task CreateSession_ForUnknownCourse_IsNotFound()
    {
        var error = await RpcAssert.FailsWith(StatusCode.NotFound,
            () => _admin.CreateSessionAsync(new CreateSessionRequest { Parent = "courses/nope", Session = Session(March1) }));
        Assert.Equal("RESOURCE_NOT_FOUND", error.Reason());
    }

    [Fact]
    public async Task CreateSession_ClientChosenIdTaken_IsAlreadyExists()
    {
        var course = await _admin.CreateCourseAsync("CPTM");
        await _admin.CreateSessionAsync(course.Name, March1, sessionId: "entebbe-march");

        await RpcAssert.FailsWith(StatusCode.AlreadyExists, () => _admin.CreateSessionAsync(
            new CreateSessionRequest { Parent = course.Name, SessionId = "entebbe-march", Session = Session(March1.AddDays(7)) }));
    }

    [Fact]
    public async Task CreateSession_RetriedWithTheSameRequestId_ReturnsTheFirstSessionAndAuditsOnce()
    {
        var course = await _admin.CreateCourseAsync("CPTM");
        var request = new CreateSessionRequest { Parent = course.Name, Session = Session(March1), RequestId = Guid.NewGuid().ToString() };

        var first = await _admin.CreateSessionAsync(request);
        var retry = await _admin.CreateSessionAsync(request);

        Assert.Equal(first, retry);
        var sessions = await _admin.ListSessionsAsync(new ListSessionsRequest { Parent = course.Name });
        Assert.Single(sessions.Sessions);
        Assert.Single(await AuditOf(first.Name));
    }

    [Fact]
    public async Task CreateSession_ManyInvalidFields_AreAllReportedInOneBadRequest()
    {
        var course = await _admin.CreateCourseAsync("CPTM");
        var draft = Session(March1);
        draft.Venue = " ";
        draft.EndDate = Day(March1.AddDays(-1));
        draft.Seats = 10_001;
        draft.MinimumSeats = -1;
        draft.NominationCloseTime = Instant(WindowOpens.AddDays(-1));
        draft.LanguageCode = "xx";
        draft.Allocations.Clear();
        draft.Allocations.Add(
        [
            new MemberStateAllocation { RegionCode = "ZZ" },
            new MemberStateAllocation { RegionCode = "SN", Quota = -1 },
            new MemberStateAllocation { RegionCode = "sn", Cap = 10_001 },
        ]);

        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => _admin.CreateSessionAsync(
            new CreateSessionRequest { Parent = course.Name, SessionId = "Bad Id", RequestId = "x", Session = draft }));

        Assert.Equal(
            new[]
            {
                "session_id", "request_id", "session.venue", "session.end_date", "session.seats", "session.minimum_seats",
                "session.nomination_close_time", "session.allocations[0].region_code", "session.allocations[1].quota",
                "session.allocations[2].cap", "session.allocations[2].region_code", "session.language_code",
            }.Order(),
            error.BadFields().Order());
    }

    [Fact]
    public async Task CreateSession_MinimumAboveSeatsAndMissingDates_AreInvalidArgument()
    {
        var course = await _admin.CreateCourseAsync("CPTM");
        var draft = Session(March1, seats: 10);
        draft.MinimumSeats = 11;
        draft.StartDate = null;
        draft.NominationOpenTime = null;

        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument,
            () => _admin.CreateSessionAsync(new CreateSessionRequest { Parent = course.Name, Session = draft }));

        Assert.Equal(["session.start_date", "session.minimum_seats", "session.nomination_open_time"], error.BadFields());
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    public async Task CreateSession_WindowMustCloseByTheEndOfTheStartDay(int minutesAfterStartDayEnds, bool accepted)
    {
        var course = await _admin.CreateCourseAsync("CPTM");
        var draft = Session(March1);
        draft.NominationCloseTime = Instant(March1.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddMinutes(minutesAfterStartDayEnds));
        var request = new CreateSessionRequest { Parent = course.Name, Session = draft };

        if (accepted)
        {
            await _admin.CreateSessionAsync(request);
            return;
        }
        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => _admin.CreateSessionAsync(request));
        Assert.Equal(["session.nomination_close_time"], error.BadFields());
    }

    // Sessions: read

    [Fact]
    public async Task GetSession_Unknown_IsNotFound()
    {
        var course = await _admin.CreateCourseAsync("CPTM");
        await RpcAssert.FailsWith(StatusCode.NotFound,
            () => _admin.GetSessionAsync(new GetSessionRequest { Name = $"{course.Name}/sessions/nope" }));
    }

    [Fact]
    public async Task ListSessions_AllCoursesOverSeveralPages_YieldsEachSessionOnceInStartDateThenNameOrder()
    {
        var cptm = await _admin.CreateCourseAsync("CPTM");
        var stm = await _admin.CreateCourseAsync("STM");
        var created = new List<Session>();
        foreach (var (course, weeks) in new[] { (stm, 3), (cptm, 0), (stm, 0), (cptm, 5), (stm, 1), (cptm, 1), (stm, 5) })
            created.Add(await _admin.CreateSessionAsync(course.Name, March1.AddDays(7 * weeks)));

        var seen = new List<Session>();
        var token = "";
        do
        {
            var page = await _admin.ListSessionsAsync(new ListSessionsRequest { Parent = "courses/-", PageSize = 3, PageToken = token });
            seen.AddRange(page.Sessions);
            token = page.NextPageToken;
        } while (token != "");

        var expected = created.OrderBy(s => Day(s.StartDate)).ThenBy(s => s.Name, StringComparer.Ordinal).Select(s => s.Name);
        Assert.Equal(expected, seen.Select(s => s.Name));
    }

    [Fact]
    public async Task ListSessions_OfOneCourseByStateAndStartDate_ReturnsOnlyMatchingSessions()
    {
        var cptm = await _admin.CreateCourseAsync("CPTM");
        var stm = await _admin.CreateCourseAsync("STM");
        var early = await _admin.CreateSessionAsync(cptm.Name, March1);
        var late = await _admin.CreateSessionAsync(cptm.Name, March1.AddDays(30));
        await _admin.CreateSessionAsync(cptm.Name, March1.AddDays(40));
        var otherCourse = await _admin.CreateSessionAsync(stm.Name, March1.AddDays(30));
        foreach (var session in new[] { early, late, otherCourse })
            await _admin.OpenSessionAsync(new OpenSessionRequest { Name = session.Name });

        var page = await _admin.ListSessionsAsync(new ListSessionsRequest
        {
            Parent = cptm.Name,
            States = { State.Open },
            StartDateFrom = Day(March1.AddDays(1)),
        });

        Assert.Equal([late.Name], page.Sessions.Select(s => s.Name));
    }

    [Fact]
    public async Task ListSessions_TokenReusedWithAnotherFilter_IsInvalidArgument()
    {
        var course = await _admin.CreateCourseAsync("CPTM");
        await _admin.CreateSessionAsync(course.Name, March1);
        await _admin.CreateSessionAsync(course.Name, March1.AddDays(7));
        var first = await _admin.ListSessionsAsync(new ListSessionsRequest { Parent = "courses/-", PageSize = 1 });

        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => _admin.ListSessionsAsync(
            new ListSessionsRequest { Parent = "courses/-", PageSize = 1, States = { State.Draft }, PageToken = first.NextPageToken }));

        Assert.Equal(["page_token"], error.BadFields());
    }

    [Fact]
    public async Task ListSessions_OfUnknownCourse_IsNotFound()
    {
        await RpcAssert.FailsWith(StatusCode.NotFound,
            () => _admin.ListSessionsAsync(new ListSessionsRequest { Parent = "courses/nope" }));
    }

    [Fact]
    public async Task ListSessions_BadParentPageSizeOrState_AreAllReported()
    {
        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => _admin.ListSessionsAsync(
            new ListSessionsRequest { Parent = "sessions", PageSize = -1, States = { State.Unspecified } }));

        Assert.Equal(["parent", "page_size", "states[0]"], error.BadFields());
    }

    // Sessions: update and delete

    [Fact]
    public async Task UpdateSession_WithMask_ChangesOnlyTheMaskedFields()
    {
        var course = await _admin.CreateCourseAsync("CPTM");
        var session = await _admin.CreateSessionAsync(course.Name, March1);
        var changes = session.Clone();
        changes.Seats = 40;
        changes.Venue = "Dakar, École nationale de police";
        changes.StartDate = Day(March1.AddDays(1));

        var updated = await _admin.UpdateSessionAsync(new UpdateSessionRequest
        {
            Session = changes,
            UpdateMask = FieldMask.FromString("seats,venue"),
        });

        Assert.Equal((40, "Dakar, École nationale de police"), (updated.Seats, updated.Venue));
        Assert.Equal(session.StartDate, updated.StartDate);
        Assert.NotEqual(session.Etag, updated.Etag);
        Assert.Equal("updated venue, seats", (await AuditOf(session.Name))[^1].Summary);
    }

    [Fact]
    public async Task ListSessions_AfterAnUpdate_ShowsTheSessionAsItNowIs()
    {
        // List pages share each session's message until the session changes: a change must show on the next page.
        var course = await _admin.CreateCourseAsync("CPTM");
        var session = await _admin.CreateSessionAsync(course.Name, March1);
        var before = await _admin.ListSessionsAsync(new ListSessionsRequest { Parent = course.Name });
        Assert.Equal(session, Assert.Single(before.Sessions));

        var changes = session.Clone();
        changes.Seats = 41;
        var updated = await _admin.UpdateSessionAsync(new UpdateSessionRequest { Session = changes, UpdateMask = FieldMask.FromString("seats") });
        var opened = await _admin.OpenSessionAsync(new OpenSessionRequest { Name = session.Name, Etag = updated.Etag });

        var after = await _admin.ListSessionsAsync(new ListSessionsRequest { Parent = course.Name });
        Assert.Equal(opened, Assert.Single(after.Sessions));
        Assert.Equal((41, State.Open), (after.Sessions[0].Seats, after.Sessions[0].State));
        Assert.Equal(session.Seats, before.Sessions[0].Seats);
    }

    [Fact]
    public async Task UpdateSession_EmptyLanguage_FallsBackToTheCoursesLanguage()
    {
        var course = await _admin.CreateCourseAsync("CPTM");
        var draft = Session(March1);
        draft.LanguageCode = "fr";
        var session = await _admin.CreateSessionAsync(new CreateSessionRequest { Parent = course.Name, Session = draft });

        var updated = await _admin.UpdateSessionAsync(new UpdateSessionRequest
        {
            Session = new Session { Name = session.Name },
            UpdateMask = FieldMask.FromString("language_code"),
        });

        Assert.Equal("en", updated.LanguageCode);
    }

    [Fact]
    public async Task UpdateSession_NeverChangesState_StateInAStarUpdateIsIgnoredAndInAMaskRefused()
    {
        var course = await _admin.CreateCourseAsync("CPTM");
        var session = await _admin.CreateSessionAsync(course.Name, March1);
        var changes = new Session(session) { State = State.Open, CancelReason = "no", Venue = "Online", Online = true };

        var updated = await _admin.UpdateSessionAsync(new UpdateSessionRequest { Session = changes, UpdateMask = FieldMask.FromString("*") });
        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => _admin.UpdateSessionAsync(
            new UpdateSessionRequest { Session = changes, UpdateMask = FieldMask.FromString("state") }));

        Assert.Equal((State.Draft, "", "Online"), (updated.State, updated.CancelReason, updated.Venue));
        Assert.Equal(["update_mask"], error.BadFields());
    }

    [Fact]
    public async Task UpdateSession_StartMovedBeforeTheStoredWindowCloses_IsInvalidArgumentOnTheCloseTime()
    {
        var course = await _admin.CreateCourseAsync("CPTM");
        var session = await _admin.CreateSessionAsync(course.Name, March1);

        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => _admin.UpdateSessionAsync(new UpdateSessionRequest
        {
            Session = new Session { Name = session.Name, StartDate = Day(new DateOnly(2027, 2, 10)) },
            UpdateMask = FieldMask.FromString("start_date"),
        }));

        Assert.Equal(["session.nomination_close_time"], error.BadFields());
    }

    [Fact]
    public async Task UpdateSession_StaleEtag_IsAborted()
    {
        var course = await _admin.CreateCourseAsync("CPTM");
        var session = await _admin.CreateSessionAsync(course.Name, March1);
        await _admin.OpenSessionAsync(new OpenSessionRequest { Name = session.Name, Etag = session.Etag });

        var error = await RpcAssert.FailsWith(StatusCode.Aborted, () => _admin.UpdateSessionAsync(
            new UpdateSessionRequest { Session = new Session(session) { Seats = 50 }, UpdateMask = FieldMask.FromString("seats") }));

        Assert.Equal("ETAG_MISMATCH", error.Reason());
    }

    [Fact]
    public async Task DeleteSession_InDraft_RemovesIt()
    {
        var course = await _admin.CreateCourseAsync("CPTM");
        var session = await _admin.CreateSessionAsync(course.Name, March1);

        await _admin.DeleteSessionAsync(new DeleteSessionRequest { Name = session.Name, Etag = session.Etag });

        await RpcAssert.FailsWith(StatusCode.NotFound, () => _admin.GetSessionAsync(new GetSessionRequest { Name = session.Name }));
        await _admin.DeleteCourseAsync(new DeleteCourseRequest { Name = course.Name });
    }

    [Fact]
    public async Task DeleteSession_OnceOpened_IsFailedPreconditionSessionNotDraft()
    {
        var course = await _admin.CreateCourseAsync("CPTM");
        var session = await _admin.CreateSessionAsync(course.Name, March1);
        await _admin.OpenSessionAsync(new OpenSessionRequest { Name = session.Name });

        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition,
            () => _admin.DeleteSessionAsync(new DeleteSessionRequest { Name = session.Name }));

        Assert.Equal("SESSION_NOT_DRAFT", error.Reason());
    }

    // Sessions: lifecycle

    [Fact]
    public async Task Lifecycle_OpenCloseAndCompleteAfterTheEnd_EachMoveIsAuditedAndChangesTheEtag()
    {
        var course = await _admin.CreateCourseAsync("CPTM");
        var draft = await _admin.CreateSessionAsync(course.Name, March1);

        var open = await _admin.OpenSessionAsync(new OpenSessionRequest { Name = draft.Name, Etag = draft.Etag });
        var closed = await _admin.CloseSessionAsync(new CloseSessionRequest { Name = draft.Name, Etag = open.Etag });
        _service.Clock.Set(new DateTimeOffset(Day(draft.EndDate).AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        var completed = await _admin.CompleteSessionAsync(new CompleteSessionRequest { Name = draft.Name, Etag = closed.Etag });

        Assert.Equal([State.Open, State.Closed, State.Completed], new[] { open.State, closed.State, completed.State });
        Assert.Equal(4, new[] { draft.Etag, open.Etag, closed.Etag, completed.Etag }.Distinct().Count());
        Assert.Equal(
            ["opened the session", "closed the session", "completed the session"],
            (await AuditOf(draft.Name)).Skip(1).Select(e => e.Summary));
    }

    [Fact]
    public async Task CompleteSession_OnItsLastDay_IsFailedPreconditionSessionNotEnded()
    {
        var session = await SessionInState(State.Closed);
        _service.Clock.Set(new DateTimeOffset(Day(session.EndDate).ToDateTime(new TimeOnly(23, 59)), TimeSpan.Zero));

        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition,
            () => _admin.CompleteSessionAsync(new CompleteSessionRequest { Name = session.Name }));

        Assert.Equal("SESSION_NOT_ENDED", error.Reason());
    }

    [Theory]
    [InlineData(State.Draft, "close")]
    [InlineData(State.Draft, "complete")]
    [InlineData(State.Open, "open")]
    [InlineData(State.Open, "complete")]
    [InlineData(State.Closed, "open")]
    [InlineData(State.Closed, "close")]
    [InlineData(State.Completed, "cancel")]
    [InlineData(State.Completed, "open")]
    [InlineData(State.Cancelled, "open")]
    [InlineData(State.Cancelled, "cancel")]
    public async Task Lifecycle_IllegalMove_IsFailedPreconditionIllegalTransitionAndChangesNothing(State from, string move)
    {
        var session = await SessionInState(from);
        AfterTheEndOf(session);

        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => Move(session.Name, move));

        Assert.Equal("ILLEGAL_TRANSITION", error.Reason());
        Assert.Equal(["ILLEGAL_TRANSITION"], error.ViolationTypes());
        Assert.Equal(session, await _admin.GetSessionAsync(new GetSessionRequest { Name = session.Name }));
    }

    [Theory]
    [InlineData(State.Draft)]
    [InlineData(State.Open)]
    [InlineData(State.Closed)]
    public async Task CancelSession_FromDraftOpenOrClosed_RecordsTheReason(State from)
    {
        var session = await SessionInState(from);

        var cancelled = await _admin.CancelSessionAsync(
            new CancelSessionRequest { Name = session.Name, Etag = session.Etag, Reason = "Venue unavailable" });

        Assert.Equal((State.Cancelled, "Venue unavailable"), (cancelled.State, cancelled.CancelReason));
        Assert.Equal("cancelled the session: Venue unavailable", (await AuditOf(session.Name))[^1].Summary);
    }

    [Fact]
    public async Task CancelSession_WithoutReason_IsInvalidArgumentOnReason()
    {
        var session = await SessionInState(State.Open);

        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument,
            () => _admin.CancelSessionAsync(new CancelSessionRequest { Name = session.Name, Reason = "  " }));

        Assert.Equal(["reason"], error.BadFields());
    }

    [Fact]
    public async Task OpenSession_StaleEtag_IsAborted()
    {
        var session = await SessionInState(State.Draft);
        await _admin.UpdateSessionAsync(new UpdateSessionRequest { Session = new Session(session) { Seats = 31 }, UpdateMask = FieldMask.FromString("seats") });

        await RpcAssert.FailsWith(StatusCode.Aborted,
            () => _admin.OpenSessionAsync(new OpenSessionRequest { Name = session.Name, Etag = session.Etag }));
    }

    // Who may call

    [Theory]
    [InlineData(Role.FocalPoint)]
    [InlineData(Role.Auditor)]
    [InlineData(Role.Integration)]
    public async Task CreateCourse_ByAnyoneButAnAdministrator_IsPermissionDenied(Role role)
    {
        var token = await _service.IssueTokenAsync(role,
            regionCode: role == Role.FocalPoint ? "SN" : null,
            scope: role == Role.Integration ? new IntegrationScope { AllMemberStates = true, ReadWrite = true } : null);
        var client = new CatalogService.CatalogServiceClient(_service.As(token));

        await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => client.CreateCourseAsync(new CreateCourseRequest { Course = Course() }));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => client.OpenSessionAsync(new OpenSessionRequest { Name = "courses/cptm/sessions/any" }));
    }

    [Fact]
    public async Task CreateCourse_WithoutToken_IsUnauthenticated()
    {
        var client = new CatalogService.CatalogServiceClient(_service.As(null));
        await RpcAssert.FailsWith(StatusCode.Unauthenticated,
            () => client.CreateCourseAsync(new CreateCourseRequest { Course = Course() }));
    }

    [Fact]
    public async Task FocalPoint_ReadsCoursesAndSessions()
    {
        var course = await _admin.CreateCourseAsync("CPTM");
        var session = await _admin.OpenSessionAsync(new OpenSessionRequest { Name = (await _admin.CreateSessionAsync(course.Name, March1)).Name });
        var focalPoint = new CatalogService.CatalogServiceClient(_service.As(await _service.FocalPointAsync("SN")));

        Assert.Equal(course, await focalPoint.GetCourseAsync(new GetCourseRequest { Name = course.Name }));
        Assert.Equal([course], (await focalPoint.ListCoursesAsync(new ListCoursesRequest())).Courses);
        Assert.Equal(session, await focalPoint.GetSessionAsync(new GetSessionRequest { Name = session.Name }));
        Assert.Equal([session], (await focalPoint.ListSessionsAsync(new ListSessionsRequest { Parent = "courses/-" })).Sessions);
    }

    [Fact]
    public async Task FocalPoint_DoesNotSeeDraftSessions_WhichAdministratorsAndAuditorsDo()
    {
        var course = await _admin.CreateCourseAsync("CPTM");
        var draft = await _admin.CreateSessionAsync(course.Name, March1);
        var focalPoint = new CatalogService.CatalogServiceClient(_service.As(await _service.FocalPointAsync("SN")));
        var auditor = new CatalogService.CatalogServiceClient(_service.As(await _service.IssueTokenAsync(Role.Auditor)));

        await RpcAssert.FailsWith(StatusCode.NotFound, () => focalPoint.GetSessionAsync(new GetSessionRequest { Name = draft.Name }));
        Assert.Empty((await focalPoint.ListSessionsAsync(new ListSessionsRequest { Parent = "courses/-" })).Sessions);
        Assert.Empty((await focalPoint.ListSessionsAsync(new ListSessionsRequest { Parent = "courses/-", States = { State.Draft } })).Sessions);
        Assert.Equal([draft], (await auditor.ListSessionsAsync(new ListSessionsRequest { Parent = "courses/-" })).Sessions);
        Assert.Equal(draft, await _admin.GetSessionAsync(new GetSessionRequest { Name = draft.Name }));
    }

    [Fact]
    public async Task DeleteCourse_ThatAnotherCourseRequires_IsRefused()
    {
        var cptm = await _admin.CreateCourseAsync("CPTM");
        var stm = Course("UNPOL-STM");
        stm.Requirements.PrerequisiteCourses.Add(cptm.Name);
        await _admin.CreateCourseAsync(new CreateCourseRequest { Course = stm });

        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition,
            () => _admin.DeleteCourseAsync(new DeleteCourseRequest { Name = cptm.Name }));
        Assert.Equal("COURSE_IS_PREREQUISITE", error.Reason());
    }

    [Fact]
    public async Task UpdateSession_OnceCancelled_IsRefused()
    {
        var cancelled = await SessionInState(State.Cancelled);
        cancelled.Venue = "Elsewhere";
        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _admin.UpdateSessionAsync(new UpdateSessionRequest
        {
            Session = cancelled, UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "venue" } },
        }));
        Assert.Equal("SESSION_FINISHED", error.Reason());
    }

    // Helpers

    private async Task<IReadOnlyList<AuditEvent>> AuditOf(string resource)
    {
        var access = new AccessService.AccessServiceClient(_service.AsAdmin());
        var events = await access.ListAuditEventsAsync(new ListAuditEventsRequest { Resource = resource });
        return events.AuditEvents;
    }

    /// <summary>A session of a new course, moved through the legal transitions into <paramref name="state"/>.</summary>
    private async Task<Session> SessionInState(State state)
    {
        var course = await _admin.CreateCourseAsync("CPTM");
        var session = await _admin.CreateSessionAsync(course.Name, March1);
        if (state == State.Cancelled)
            return await _admin.CancelSessionAsync(new CancelSessionRequest { Name = session.Name, Reason = "Postponed" });
        if (state == State.Draft) return session;
        session = await _admin.OpenSessionAsync(new OpenSessionRequest { Name = session.Name });
        if (state == State.Open) return session;
        session = await _admin.CloseSessionAsync(new CloseSessionRequest { Name = session.Name });
        if (state == State.Closed) return session;
        AfterTheEndOf(session);
        return await _admin.CompleteSessionAsync(new CompleteSessionRequest { Name = session.Name });
    }

    private void AfterTheEndOf(Session session) =>
        _service.Clock.Set(new DateTimeOffset(Day(session.EndDate).AddDays(1).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));

    private async Task Move(string name, string move)
    {
        _ = move switch
        {
            "open" => await _admin.OpenSessionAsync(new OpenSessionRequest { Name = name }),
            "close" => await _admin.CloseSessionAsync(new CloseSessionRequest { Name = name }),
            "complete" => await _admin.CompleteSessionAsync(new CompleteSessionRequest { Name = name }),
            "cancel" => await _admin.CancelSessionAsync(new CancelSessionRequest { Name = name, Reason = "Again" }),
            _ => throw new ArgumentOutOfRangeException(nameof(move)),
        };
    }
}
