using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Training.Service.Tests.Support;
using Unpol.Training.V1;
using State = Unpol.Training.V1.Nomination.Types.State;

namespace Training.Service.Tests.Api;

public sealed class NominationApiTests : IAsyncLifetime
{
    private NominationWorld _world = null!;

    public async Task InitializeAsync() => _world = await NominationWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private NominationService.NominationServiceClient Admin => _world.Admin;
    private NominationService.NominationServiceClient Senegal => _world.Senegal;

    [Fact]
    public async Task CheckEligibility_ListsEveryFailureWithRuleFieldAndSentence_AndWritesNothing()
    {
        var session = await _world.OpenSessionAsync(course =>
        {
            course.Requirements.WomenOnly = true;
            course.Requirements.Languages.Add(new LanguageRequirement { LanguageCode = "fr", MinimumLevel = CefrLevel.C2 });
        });
        var officer = await _world.OfficerAsync(gender: Gender.Male, given: "Moussa");

        var result = await Senegal.CheckEligibilityAsync(new CheckEligibilityRequest { Officer = officer.Name, Session = session.Name });

        Assert.False(result.Eligible);
        Assert.Contains(result.Failures, f => f.Rule == "WOMEN_ONLY_COURSE" && f.Field == "officer.gender");
        var language = Assert.Single(result.Failures, f => f.Field == "officer.languages[fr].listening");
        Assert.Equal("French listening C1; this course requires C2.", language.Description);
        Assert.All(result.Failures, f => Assert.Equal(FindingSeverity.Hard, f.Severity));
        var listed = await Senegal.ListNominationsAsync(new ListNominationsRequest { Parent = "memberStates/SN" });
        Assert.Empty(listed.Nominations);
    }

    [Fact]
    public async Task SubmitNomination_ForAnEligibleOfficer_IsSubmittedWithItsHistory()
    {
        var session = await _world.OpenSessionAsync();
        var officer = await _world.OfficerAsync();

        var nomination = await _world.SubmitAsync(officer, session);

        Assert.Equal(State.Submitted, nomination.State);
        Assert.Equal(officer.Name, nomination.Officer);
        Assert.Equal(session.Name, nomination.Session);
        Assert.Equal("Diop, Awa", nomination.OfficerDisplayName);
        var submitted = Assert.Single(nomination.History);
        Assert.Equal((State.Unspecified, State.Submitted), (submitted.FromState, submitted.ToState));
        Assert.Equal("Focal point SN", submitted.ActorDisplayName);
    }

    [Fact]
    public async Task SubmitNomination_OfAnIneligibleOfficer_IsRefusedWithOneViolationPerRule()
    {
        var session = await _world.OpenSessionAsync(course => course.Requirements.MinServiceYears = 20);
        var officer = await _world.OfficerAsync(change: o =>
        {
            o.BirthDate = Samples.Date(2003, 1, 1);
            o.ServiceStartDate = Samples.Date(2021, 1, 1);
        });

        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _world.SubmitAsync(officer, session));

        Assert.Equal("OFFICER_NOT_ELIGIBLE", error.Reason());
        Assert.Equal(["AGE_OUT_OF_RANGE", "SERVICE_TOO_SHORT"], error.ViolationTypes());
    }

    [Fact]
    public async Task SubmitNomination_OfAnOfficer55OrOlder_StoresTheSoftWarning()
    {
        var session = await _world.OpenSessionAsync();
        var officer = await _world.OfficerAsync(change: o => o.BirthDate = Samples.Date(1970, 1, 1));

        var nomination = await _world.SubmitAsync(officer, session);
        var stored = await Senegal.GetNominationAsync(new GetNominationRequest { Name = nomination.Name });

        Assert.Equal("AGE_AT_OR_ABOVE_WARNING", Assert.Single(stored.Warnings).Rule);
        Assert.Equal(FindingSeverity.Soft, stored.Warnings[0].Severity);
    }

    [Fact]
    public async Task SubmitNomination_ParityWarning_IsReturnedLiveAndNeverStored()
    {
        var session = await _world.OpenSessionAsync();
        var man = await _world.OfficerAsync(gender: Gender.Male, given: "Moussa", family: "Fall");
        var response = await Senegal.SubmitNominationAsync(new SubmitNominationRequest
        {
            Parent = "memberStates/SN", Nomination = new Nomination { Officer = man.Name, Session = session.Name },
        });
        Assert.Contains(response.Warnings, w => w.Rule == "PARITY_BELOW_THRESHOLD");
        Assert.Empty(response.Nomination.Warnings);

        var woman = await _world.OfficerAsync(family: "Sow");
        var second = await Senegal.SubmitNominationAsync(new SubmitNominationRequest
        {
            Parent = "memberStates/SN", Nomination = new Nomination { Officer = woman.Name, Session = session.Name },
        });
        Assert.DoesNotContain(second.Warnings, w => w.Rule == "PARITY_BELOW_THRESHOLD");
    }

    [Fact]
    public async Task SubmitNomination_RetriedWithTheSameRequestId_ReturnsTheSameNominationAndCreatesNothing()
    {
        var session = await _world.OpenSessionAsync();
        var officer = await _world.OfficerAsync();
        var requestId = Guid.NewGuid().ToString();

        var first = await _world.SubmitAsync(officer, session, requestId);
        var retry = await _world.SubmitAsync(officer, session, requestId);

        Assert.Equal(first, retry);
        var listed = await Senegal.ListNominationsAsync(new ListNominationsRequest { Parent = "memberStates/SN" });
        Assert.Single(listed.Nominations);
        var audit = await new AccessService.AccessServiceClient(_world.Service.AsAdmin())
            .ListAuditEventsAsync(new ListAuditEventsRequest { Resource = first.Name });
        Assert.Single(audit.AuditEvents);
    }

    [Fact]
    public async Task SubmitNomination_TheSameOfficerTwiceToOneSession_IsAlreadyNominated()
    {
        var session = await _world.OpenSessionAsync();
        var officer = await _world.OfficerAsync();
        await _world.SubmitAsync(officer, session);
        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _world.SubmitAsync(officer, session));
        Assert.Equal(["ALREADY_NOMINATED"], error.ViolationTypes());
    }

    [Fact]
    public async Task SubmitNomination_AfterTheWindowCloses_IsRefusedButConfirmationStillWorks()
    {
        var session = await _world.OpenSessionAsync();
        var nomination = await _world.NominateNewOfficerAsync(session, "Diop");
        _world.Service.Clock.Set(new DateTimeOffset(2027, 2, 20, 0, 0, 0, TimeSpan.Zero));

        var late = await _world.OfficerAsync(family: "Late");
        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _world.SubmitAsync(late, session));
        Assert.Equal(["NOMINATION_WINDOW_CLOSED"], error.ViolationTypes());
        var confirmed = await Admin.ConfirmNominationAsync(new ConfirmNominationRequest { Name = nomination.Name });
        Assert.Equal(State.Confirmed, confirmed.State);
    }

    [Fact]
    public async Task SubmitNomination_WithAMalformedRequest_ReportsEveryBadField()
    {
        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => Senegal.SubmitNominationAsync(new SubmitNominationRequest
        {
            Parent = "memberStates/SN",
            Nomination = new Nomination { Officer = "officers/x" },
            RequestId = "not-a-uuid",
        }));
        Assert.Equal(["nomination.officer", "nomination.session", "request_id"], error.BadFields().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SubmitNomination_OfAnotherStatesOfficer_IsInvalidArgument_AndForAnotherParentIsDenied()
    {
        var session = await _world.OpenSessionAsync();
        var french = await _world.OfficerAsync("FR", family: "Martin");
        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => Senegal.SubmitNominationAsync(new SubmitNominationRequest
        {
            Parent = "memberStates/SN", Nomination = new Nomination { Officer = french.Name, Session = session.Name },
        }));
        Assert.Equal(["nomination.officer"], error.BadFields());
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => Senegal.SubmitNominationAsync(new SubmitNominationRequest
        {
            Parent = "memberStates/FR", Nomination = new Nomination { Officer = french.Name, Session = session.Name },
        }));
    }

    [Fact]
    public async Task DecisionMethods_FollowTheStateMachineAndRecordWhoWhenAndWhy()
    {
        var session = await _world.OpenSessionAsync();
        var nomination = await _world.NominateNewOfficerAsync(session, "Diop");

        var rejected = await Admin.RejectNominationAsync(new RejectNominationRequest { Name = nomination.Name, Etag = nomination.Etag, Reason = "Seat reserved for a francophone officer." });
        var reconsidered = await Admin.ReconsiderNominationAsync(new ReconsiderNominationRequest { Name = nomination.Name, Etag = rejected.Etag, Reason = "Appeal accepted." });
        var waitlisted = await Admin.WaitlistNominationAsync(new WaitlistNominationRequest { Name = nomination.Name, Etag = reconsidered.Etag });
        var confirmed = await Admin.ConfirmNominationAsync(new ConfirmNominationRequest { Name = nomination.Name, Etag = waitlisted.Etag });
        var withdrawn = await Senegal.WithdrawNominationAsync(new WithdrawNominationRequest { Name = nomination.Name, Reason = "Officer on sick leave." });

        Assert.Equal(
            [State.Submitted, State.Rejected, State.Submitted, State.Waitlisted, State.Confirmed, State.Withdrawn],
            withdrawn.History.Select(h => h.ToState));
        Assert.Equal("Seat reserved for a francophone officer.", rejected.History.Last().Reason);
        Assert.Equal("Bootstrap administrator", confirmed.History.Last().ActorDisplayName);
        Assert.Equal("Focal point SN", withdrawn.History.Last().ActorDisplayName);
        Assert.Equal(Timestamp.FromDateTimeOffset(_world.Service.Clock.GetUtcNow()), withdrawn.History.Last().Time);
    }

    [Fact]
    public async Task IllegalTransitions_AreFailedPreconditionWithIllegalTransition()
    {
        var session = await _world.OpenSessionAsync();
        var nomination = await _world.NominateNewOfficerAsync(session, "Diop");
        await Senegal.WithdrawNominationAsync(new WithdrawNominationRequest { Name = nomination.Name, Reason = "Changed plans." });

        foreach (var call in new Func<Task>[]
        {
            async () => await Admin.ConfirmNominationAsync(new ConfirmNominationRequest { Name = nomination.Name }),
            async () => await Admin.WaitlistNominationAsync(new WaitlistNominationRequest { Name = nomination.Name }),
            async () => await Admin.RejectNominationAsync(new RejectNominationRequest { Name = nomination.Name, Reason = "x" }),
            async () => await Admin.ReconsiderNominationAsync(new ReconsiderNominationRequest { Name = nomination.Name, Reason = "x" }),
            async () => await Senegal.WithdrawNominationAsync(new WithdrawNominationRequest { Name = nomination.Name, Reason = "x" }),
            async () => await Admin.RecordOutcomeAsync(new RecordOutcomeRequest { Name = nomination.Name, Outcome = RecordOutcomeRequest.Types.Outcome.Passed }),
        })
        {
            var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, call);
            Assert.Equal("ILLEGAL_TRANSITION", error.Reason());
        }
    }

    [Fact]
    public async Task ReasonedMethods_WithoutAReason_AreInvalidArgument()
    {
        var session = await _world.OpenSessionAsync();
        var nomination = await _world.NominateNewOfficerAsync(session, "Diop");
        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument,
            () => Admin.RejectNominationAsync(new RejectNominationRequest { Name = nomination.Name, Reason = "  " }));
        Assert.Equal(["reason"], error.BadFields());
        await RpcAssert.FailsWith(StatusCode.InvalidArgument,
            () => Senegal.WithdrawNominationAsync(new WithdrawNominationRequest { Name = nomination.Name }));
    }

    [Fact]
    public async Task Decisions_WithAStaleEtag_AreAborted()
    {
        var session = await _world.OpenSessionAsync();
        var nomination = await _world.NominateNewOfficerAsync(session, "Diop");
        await Admin.WaitlistNominationAsync(new WaitlistNominationRequest { Name = nomination.Name, Etag = nomination.Etag });
        var error = await RpcAssert.FailsWith(StatusCode.Aborted,
            () => Admin.ConfirmNominationAsync(new ConfirmNominationRequest { Name = nomination.Name, Etag = nomination.Etag }));
        Assert.Equal("ETAG_MISMATCH", error.Reason());
    }

    [Fact]
    public async Task Confirm_OnAFullSession_IsSessionFull()
    {
        var session = await _world.OpenSessionAsync(session: s => s.Seats = 1);
        var first = await _world.NominateNewOfficerAsync(session, "Diop");
        var second = await _world.NominateNewOfficerAsync(session, "Sow");
        await Admin.ConfirmNominationAsync(new ConfirmNominationRequest { Name = first.Name });

        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition,
            () => Admin.ConfirmNominationAsync(new ConfirmNominationRequest { Name = second.Name }));
        Assert.Equal("SESSION_FULL", error.Reason());
    }

    [Fact]
    public async Task Confirm_BeyondTheMemberStatesQuota_IsRefusedWhileOtherStatesStillGetSeats()
    {
        var session = await _world.OpenSessionAsync(session: s => s.Allocations.Add(new MemberStateAllocation { RegionCode = "SN", Quota = 1 }));
        var first = await _world.NominateNewOfficerAsync(session, "Diop");
        var second = await _world.NominateNewOfficerAsync(session, "Sow");
        var french = await _world.NominateNewOfficerAsync(session, "Martin", region: "FR");
        await Admin.ConfirmNominationAsync(new ConfirmNominationRequest { Name = first.Name });

        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition,
            () => Admin.ConfirmNominationAsync(new ConfirmNominationRequest { Name = second.Name }));
        Assert.Equal("MEMBER_STATE_QUOTA_REACHED", error.Reason());
        Assert.Equal(State.Confirmed, (await Admin.ConfirmNominationAsync(new ConfirmNominationRequest { Name = french.Name })).State);
    }

    [Fact]
    public async Task Confirm_AnOfficerWhoNoLongerQualifies_IsOfficerNotEligible()
    {
        var session = await _world.OpenSessionAsync(course => course.Requirements.VettingRequired = true);
        var officer = await _world.OfficerAsync();
        var nomination = await _world.SubmitAsync(officer, session);
        officer.Vetting.MisconductCheck = new VettingItem { Status = VettingStatus.Flagged, Date = Samples.Date(2027, 1, 5) };
        await _world.SenegalRoster.UpdateOfficerAsync(new UpdateOfficerRequest { Officer = officer, UpdateMask = new FieldMask { Paths = { "vetting" } } });

        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition,
            () => Admin.ConfirmNominationAsync(new ConfirmNominationRequest { Name = nomination.Name }));
        Assert.Equal("OFFICER_NOT_ELIGIBLE", error.Reason());
        Assert.Equal(["MISCONDUCT_FLAG"], error.ViolationTypes());
    }

    [Fact]
    public async Task Confirm_ASecondSeatWithOverlappingDates_IsDatesOverlap()
    {
        var march = await _world.OpenSessionAsync();
        var alsoMarch = await _world.OpenSessionAsync(session: s => s.StartDate = Samples.Date(2027, 3, 10));
        var officer = await _world.OfficerAsync();
        var first = await _world.SubmitAsync(officer, march);
        var second = await _world.SubmitAsync(officer, alsoMarch);
        await Admin.ConfirmNominationAsync(new ConfirmNominationRequest { Name = first.Name });

        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition,
            () => Admin.ConfirmNominationAsync(new ConfirmNominationRequest { Name = second.Name }));
        Assert.Equal(["DATES_OVERLAP"], error.ViolationTypes());
    }

    [Fact]
    public async Task Confirm_RacingFromManyClients_NeverConfirmsMoreThanTheSeats()
    {
        const int seats = 7, nominees = 120;
        var session = await _world.OpenSessionAsync(session: s => s.Seats = seats);
        var nominations = new List<Nomination>();
        for (var i = 0; i < nominees; i++)
            nominations.Add(await _world.NominateNewOfficerAsync(session, $"Racer{i:D3}", region: i % 2 == 0 ? "SN" : "FR"));

        var outcomes = await Task.WhenAll(nominations.Select(async n =>
        {
            try
            {
                await Admin.ConfirmNominationAsync(new ConfirmNominationRequest { Name = n.Name });
                return "CONFIRMED";
            }
            catch (RpcException e)
            {
                return e.Reason();
            }
        }));

        Assert.Equal(seats, outcomes.Count(o => o == "CONFIRMED"));
        Assert.Equal(nominees - seats, outcomes.Count(o => o == "SESSION_FULL"));
        var stats = await Admin.GetSessionStatisticsAsync(new GetSessionStatisticsRequest { Session = session.Name });
        Assert.Equal(seats, stats.Overall.Confirmed);
        Assert.Equal(0, stats.SeatsAvailable);
    }

    [Fact]
    public async Task WithdrawingAConfirmedSeat_PromotesTheOldestWaitlistedNominationThatStillQualifies()
    {
        var session = await _world.OpenSessionAsync(course => course.Requirements.VettingRequired = true, s => s.Seats = 1);
        var holder = await _world.NominateNewOfficerAsync(session, "Holder");
        var firstInLineOfficer = await _world.OfficerAsync(family: "First");
        var firstInLine = await _world.SubmitAsync(firstInLineOfficer, session);
        var secondInLine = await _world.NominateNewOfficerAsync(session, "Second");
        var thirdInLine = await _world.NominateNewOfficerAsync(session, "Third");
        await Admin.ConfirmNominationAsync(new ConfirmNominationRequest { Name = holder.Name });
        foreach (var waiting in new[] { firstInLine, secondInLine, thirdInLine })
        {
            await Admin.WaitlistNominationAsync(new WaitlistNominationRequest { Name = waiting.Name });
            _world.Service.Clock.Advance(TimeSpan.FromMinutes(1));
        }
        // The first in line picks up a misconduct flag: it no longer passes the confirmation checks.
        firstInLineOfficer.Vetting.MisconductCheck = new VettingItem { Status = VettingStatus.Flagged, Date = Samples.Date(2027, 1, 5) };
        await _world.SenegalRoster.UpdateOfficerAsync(new UpdateOfficerRequest { Officer = firstInLineOfficer, UpdateMask = new FieldMask { Paths = { "vetting" } } });

        await Senegal.WithdrawNominationAsync(new WithdrawNominationRequest { Name = holder.Name, Reason = "Officer deployed early." });

        var promoted = await Admin.GetNominationAsync(new GetNominationRequest { Name = secondInLine.Name });
        Assert.Equal(State.Confirmed, promoted.State);
        Assert.True(promoted.History.Last().Automatic);
        Assert.Equal("system", promoted.History.Last().Actor);
        Assert.Equal(State.Waitlisted, (await Admin.GetNominationAsync(new GetNominationRequest { Name = firstInLine.Name })).State);
        Assert.Equal(State.Waitlisted, (await Admin.GetNominationAsync(new GetNominationRequest { Name = thirdInLine.Name })).State);
    }

    [Fact]
    public async Task AddingSeats_PromotesWaitlistedNominationsInOrder()
    {
        var session = await _world.OpenSessionAsync(session: s => s.Seats = 1);
        var holder = await _world.NominateNewOfficerAsync(session, "Holder");
        await Admin.ConfirmNominationAsync(new ConfirmNominationRequest { Name = holder.Name });
        var waiting = new List<Nomination>();
        for (var i = 0; i < 3; i++)
        {
            var n = await _world.NominateNewOfficerAsync(session, $"Waiting{i}");
            await Admin.WaitlistNominationAsync(new WaitlistNominationRequest { Name = n.Name });
            _world.Service.Clock.Advance(TimeSpan.FromMinutes(1));
            waiting.Add(n);
        }

        var current = await _world.Catalog.GetSessionAsync(new GetSessionRequest { Name = session.Name });
        current.Seats = 3;
        await _world.Catalog.UpdateSessionAsync(new UpdateSessionRequest { Session = current, UpdateMask = new FieldMask { Paths = { "seats" } } });

        var states = new List<State>();
        foreach (var n in waiting) states.Add((await Admin.GetNominationAsync(new GetNominationRequest { Name = n.Name })).State);
        Assert.Equal([State.Confirmed, State.Confirmed, State.Waitlisted], states);
    }

    [Fact]
    public async Task CuttingSeatsBelowTheConfirmedCount_IsRefused()
    {
        var session = await _world.OpenSessionAsync(session: s => s.Seats = 3);
        foreach (var family in new[] { "Diop", "Sow" })
        {
            var n = await _world.NominateNewOfficerAsync(session, family);
            await Admin.ConfirmNominationAsync(new ConfirmNominationRequest { Name = n.Name });
        }
        var current = await _world.Catalog.GetSessionAsync(new GetSessionRequest { Name = session.Name });
        current.Seats = 1;
        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition,
            () => _world.Catalog.UpdateSessionAsync(new UpdateSessionRequest { Session = current, UpdateMask = new FieldMask { Paths = { "seats" } } }));
        Assert.Equal("SEATS_BELOW_CONFIRMED", error.Reason());
    }

    [Fact]
    public async Task CancellingASession_CancelsItsLiveNominationsWithTheReason()
    {
        var session = await _world.OpenSessionAsync();
        var confirmed = await _world.NominateNewOfficerAsync(session, "Diop");
        await Admin.ConfirmNominationAsync(new ConfirmNominationRequest { Name = confirmed.Name });
        var submitted = await _world.NominateNewOfficerAsync(session, "Sow");
        var rejected = await _world.NominateNewOfficerAsync(session, "Fall");
        await Admin.RejectNominationAsync(new RejectNominationRequest { Name = rejected.Name, Reason = "Not this time." });

        await _world.Catalog.CancelSessionAsync(new CancelSessionRequest { Name = session.Name, Reason = "Venue unavailable." });

        foreach (var n in new[] { confirmed, submitted })
        {
            var read = await Senegal.GetNominationAsync(new GetNominationRequest { Name = n.Name });
            Assert.Equal(State.Cancelled, read.State);
            Assert.Contains("Venue unavailable.", read.History.Last().Reason);
        }
        Assert.Equal(State.Rejected, (await Senegal.GetNominationAsync(new GetNominationRequest { Name = rejected.Name })).State);
    }

    [Fact]
    public async Task RecordOutcome_Passed_CertifiesTheOfficerWhichThenMeetsAnotherCoursesPrerequisite()
    {
        var cptm = await _world.OpenSessionAsync(course => { course.Code = "CPTM"; course.CertificateValidityMonths = 48; },
            s => { s.StartDate = Samples.Date(2027, 2, 20); s.EndDate = Samples.Date(2027, 2, 25); s.NominationCloseTime = Timestamp.FromDateTime(new DateTime(2027, 2, 1, 0, 0, 0, DateTimeKind.Utc)); });
        var cptmCourse = string.Join('/', cptm.Name.Split('/').Take(2));
        var stm = await _world.OpenSessionAsync(course => course.Requirements.PrerequisiteCourses.Add(cptmCourse));
        var officer = await _world.OfficerAsync();
        var before = await Senegal.CheckEligibilityAsync(new CheckEligibilityRequest { Officer = officer.Name, Session = stm.Name });
        Assert.Equal(["PREREQUISITE_MISSING"], before.Failures.Select(f => f.Rule));

        var nomination = await _world.SubmitAsync(officer, cptm);
        await Admin.ConfirmNominationAsync(new ConfirmNominationRequest { Name = nomination.Name });
        var early = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => Admin.RecordOutcomeAsync(new RecordOutcomeRequest
        {
            Name = nomination.Name, Outcome = RecordOutcomeRequest.Types.Outcome.Passed,
        }));
        Assert.Equal("SESSION_NOT_ENDED", early.Reason());

        _world.Service.Clock.Set(new DateTimeOffset(2027, 2, 25, 16, 0, 0, TimeSpan.Zero));
        var completed = await Admin.RecordOutcomeAsync(new RecordOutcomeRequest { Name = nomination.Name, Outcome = RecordOutcomeRequest.Types.Outcome.Passed });

        Assert.Equal((State.Completed, Nomination.Types.Result.Passed), (completed.State, completed.Result));
        var certified = await _world.SenegalRoster.GetOfficerAsync(new GetOfficerRequest { Name = officer.Name });
        var completion = Assert.Single(certified.Certifications.CompletedCourses);
        Assert.Equal((cptmCourse, Samples.Date(2027, 2, 25), Samples.Date(2031, 2, 25)), (completion.Course, completion.CompletionDate, completion.ExpiryDate));
        var after = await Senegal.CheckEligibilityAsync(new CheckEligibilityRequest { Officer = officer.Name, Session = stm.Name });
        Assert.DoesNotContain(after.Failures, f => f.Rule == "PREREQUISITE_MISSING");
    }

    [Fact]
    public async Task RecordOutcome_NoShow_EndsTheNominationWithoutCertifying()
    {
        var session = await _world.OpenSessionAsync();
        var officer = await _world.OfficerAsync();
        var nomination = await _world.SubmitAsync(officer, session);
        await Admin.ConfirmNominationAsync(new ConfirmNominationRequest { Name = nomination.Name });
        _world.Service.Clock.Set(new DateTimeOffset(2027, 3, 13, 9, 0, 0, TimeSpan.Zero));

        var noShow = await Admin.RecordOutcomeAsync(new RecordOutcomeRequest { Name = nomination.Name, Outcome = RecordOutcomeRequest.Types.Outcome.NoShow });

        Assert.Equal(State.NoShow, noShow.State);
        Assert.Empty((await _world.SenegalRoster.GetOfficerAsync(new GetOfficerRequest { Name = officer.Name })).Certifications.CompletedCourses);
    }

    [Fact]
    public async Task ListNominations_FiltersBySessionOfficerAndState()
    {
        var first = await _world.OpenSessionAsync();
        var second = await _world.OpenSessionAsync(session: s =>
        {
            s.StartDate = Samples.Date(2027, 3, 20);
            s.EndDate = Samples.Date(2027, 3, 25);
        });
        var officer = await _world.OfficerAsync();
        var a = await _world.SubmitAsync(officer, first);
        var b = await _world.NominateNewOfficerAsync(first, "Sow");
        var c = await _world.SubmitAsync(officer, second);
        await Admin.WaitlistNominationAsync(new WaitlistNominationRequest { Name = b.Name });

        async Task<IEnumerable<string>> Names(ListNominationsRequest request) =>
            (await Senegal.ListNominationsAsync(request)).Nominations.Select(n => n.Name);

        Assert.Equal([a.Name, b.Name], await Names(new ListNominationsRequest { Parent = "memberStates/SN", Session = first.Name }));
        Assert.Equal([a.Name, c.Name], await Names(new ListNominationsRequest { Parent = "memberStates/SN", Officer = officer.Name }));
        Assert.Equal([b.Name], await Names(new ListNominationsRequest { Parent = "memberStates/SN", States = { State.Waitlisted } }));
        var page1 = await Senegal.ListNominationsAsync(new ListNominationsRequest { Parent = "memberStates/SN", PageSize = 2 });
        var page2 = await Senegal.ListNominationsAsync(new ListNominationsRequest { Parent = "memberStates/SN", PageSize = 2, PageToken = page1.NextPageToken });
        Assert.Equal([a.Name, b.Name, c.Name], page1.Nominations.Concat(page2.Nominations).Select(n => n.Name));
        Assert.Equal("", page2.NextPageToken);
    }

    [Fact]
    public async Task ListNominations_AcrossAllStates_IsForAdministratorsAndAuditors_NotFocalPoints()
    {
        var session = await _world.OpenSessionAsync();
        await _world.NominateNewOfficerAsync(session, "Diop");
        await _world.NominateNewOfficerAsync(session, "Martin", region: "FR");

        var all = await Admin.ListNominationsAsync(new ListNominationsRequest { Parent = "memberStates/-" });
        Assert.Equal(2, all.Nominations.Count);
        var auditor = new NominationService.NominationServiceClient(_world.Service.As(await _world.Service.IssueTokenAsync(Role.Auditor)));
        Assert.Equal(2, (await auditor.ListNominationsAsync(new ListNominationsRequest { Parent = "memberStates/-" })).Nominations.Count);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => Senegal.ListNominationsAsync(new ListNominationsRequest { Parent = "memberStates/-" }));
    }

    [Fact]
    public async Task FocalPoint_CanNeitherSeeNorWithdrawAnotherStatesNominations()
    {
        var session = await _world.OpenSessionAsync();
        var french = await _world.NominateNewOfficerAsync(session, "Martin", region: "FR");

        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => Senegal.GetNominationAsync(new GetNominationRequest { Name = french.Name }));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => Senegal.ListNominationsAsync(new ListNominationsRequest { Parent = "memberStates/FR" }));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => Senegal.WithdrawNominationAsync(new WithdrawNominationRequest { Name = french.Name, Reason = "Not mine." }));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => Senegal.ConfirmNominationAsync(new ConfirmNominationRequest { Name = french.Name }));
        Assert.Equal(State.Submitted, (await _world.France.GetNominationAsync(new GetNominationRequest { Name = french.Name })).State);
    }

    [Fact]
    public async Task GetSessionStatistics_CountsSeatsWaitlistAndWomen_AndShowsAFocalPointOnlyItsOwnState()
    {
        var session = await _world.OpenSessionAsync(session: s => s.Seats = 2);
        var confirmedWoman = await _world.NominateNewOfficerAsync(session, "Diop");
        var confirmedMan = await _world.NominateNewOfficerAsync(session, "Fall", Gender.Male);
        var waitlistedMan = await _world.NominateNewOfficerAsync(session, "Ba", Gender.Male);
        await _world.NominateNewOfficerAsync(session, "Martin", Gender.Male, "FR");
        await Admin.ConfirmNominationAsync(new ConfirmNominationRequest { Name = confirmedWoman.Name });
        await Admin.ConfirmNominationAsync(new ConfirmNominationRequest { Name = confirmedMan.Name });
        await Admin.WaitlistNominationAsync(new WaitlistNominationRequest { Name = waitlistedMan.Name });

        var stats = await Admin.GetSessionStatisticsAsync(new GetSessionStatisticsRequest { Session = session.Name });
        Assert.Equal((2, 0), (stats.Seats, stats.SeatsAvailable));
        Assert.Equal((4, 1, 2, 1, 1, 1), (stats.Overall.Nominated, stats.Overall.NominatedWomen, stats.Overall.Confirmed,
            stats.Overall.ConfirmedWomen, stats.Overall.Waitlisted, stats.Overall.Submitted));
        Assert.Equal(0.25, stats.Overall.NominatedWomenShare);
        Assert.Equal(0.5, stats.Overall.ConfirmedWomenShare);
        Assert.Equal(["FR", "SN"], stats.MemberStates.Select(m => m.RegionCode));
        Assert.True(stats.MemberStates[0].Figures.BelowParityThreshold);
        Assert.Equal((0.2, 0.3), (stats.ParityThreshold, stats.ParityTarget));

        var own = await Senegal.GetSessionStatisticsAsync(new GetSessionStatisticsRequest { Session = session.Name });
        Assert.Equal(["SN"], own.MemberStates.Select(m => m.RegionCode));
        Assert.Equal((2, 0), (own.Seats, own.SeatsAvailable));
    }

    [Fact]
    public async Task GetSessionStatistics_WithFewerThanThreeOtherStates_ShowsAFocalPointOnlyItsOwnFiguresAndSeatsLeft()
    {
        var session = await _world.OpenSessionAsync(session: s => s.Seats = 10);
        var diop = await _world.NominateNewOfficerAsync(session, "Diop");
        await _world.NominateNewOfficerAsync(session, "Fall", Gender.Male);
        var martin = await _world.NominateNewOfficerAsync(session, "Martin", Gender.Female, "FR");
        var mugisha = await _world.NominateNewOfficerAsync(session, "Mugisha", Gender.Male, "RW");
        await Admin.ConfirmNominationAsync(new ConfirmNominationRequest { Name = diop.Name });
        await Admin.ConfirmNominationAsync(new ConfirmNominationRequest { Name = martin.Name });
        await Admin.ConfirmNominationAsync(new ConfirmNominationRequest { Name = mugisha.Name });

        var own = await Senegal.GetSessionStatisticsAsync(new GetSessionStatisticsRequest { Session = session.Name });

        Assert.True(own.OtherMemberStatesWithheld);
        Assert.Equal((2, 1, 1, 1), (own.Overall.Nominated, own.Overall.NominatedWomen, own.Overall.Confirmed, own.Overall.ConfirmedWomen));
        Assert.Equal(own.MemberStates.Single().Figures, own.Overall);
        Assert.Equal(7, own.SeatsAvailable);
        var all = await Admin.GetSessionStatisticsAsync(new GetSessionStatisticsRequest { Session = session.Name });
        Assert.False(all.OtherMemberStatesWithheld);
        Assert.Equal(4, all.Overall.Nominated);
    }

    [Fact]
    public async Task GetSessionStatistics_WithThreeOtherStates_ShowsAFocalPointTheOverallFigures()
    {
        var session = await _world.OpenSessionAsync(session: s => s.Seats = 10);
        await _world.NominateNewOfficerAsync(session, "Diop");
        await _world.NominateNewOfficerAsync(session, "Martin", Gender.Female, "FR");
        await _world.NominateNewOfficerAsync(session, "Mugisha", Gender.Male, "RW");
        var withdrawn = await _world.NominateNewOfficerAsync(session, "Haddad", Gender.Male, "JO");

        var own = await Senegal.GetSessionStatisticsAsync(new GetSessionStatisticsRequest { Session = session.Name });
        Assert.False(own.OtherMemberStatesWithheld);
        Assert.Equal((4, 2), (own.Overall.Nominated, own.Overall.NominatedWomen));

        // A State whose only nomination is withdrawn no longer contributes: two others are too few.
        var (_, jordan) = await _world.FocalPointOfAsync("JO");
        await jordan.WithdrawNominationAsync(new WithdrawNominationRequest { Name = withdrawn.Name, Reason = "Officer deployed." });
        var after = await Senegal.GetSessionStatisticsAsync(new GetSessionStatisticsRequest { Session = session.Name });
        Assert.True(after.OtherMemberStatesWithheld);
        Assert.Equal((1, 1), (after.Overall.Nominated, after.Overall.NominatedWomen));
    }

    [Fact]
    public async Task GetSessionStatistics_WithNoOtherState_WithholdsNothing()
    {
        var session = await _world.OpenSessionAsync();
        await _world.NominateNewOfficerAsync(session, "Diop");

        var own = await Senegal.GetSessionStatisticsAsync(new GetSessionStatisticsRequest { Session = session.Name });

        Assert.False(own.OtherMemberStatesWithheld);
        Assert.Equal(1, own.Overall.Nominated);
    }

    [Fact]
    public async Task GetSessionStatistics_DoesNotChangeTheSessionsEtag()
    {
        var session = await _world.OpenSessionAsync();
        var nomination = await _world.NominateNewOfficerAsync(session, "Diop");
        await Admin.ConfirmNominationAsync(new ConfirmNominationRequest { Name = nomination.Name });
        var after = await _world.Catalog.GetSessionAsync(new GetSessionRequest { Name = session.Name });
        Assert.Equal(session.Etag, after.Etag);
    }

    [Fact]
    public async Task DeleteOfficer_WithALiveNomination_IsRefused_AndWithHistoryIsAnonymised()
    {
        var session = await _world.OpenSessionAsync();
        var officer = await _world.OfficerAsync();
        var nomination = await _world.SubmitAsync(officer, session);

        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition,
            () => _world.SenegalRoster.DeleteOfficerAsync(new DeleteOfficerRequest { Name = officer.Name }));
        Assert.Equal("OFFICER_HAS_LIVE_NOMINATIONS", error.Reason());

        await Senegal.WithdrawNominationAsync(new WithdrawNominationRequest { Name = nomination.Name, Reason = "Retiring." });
        await _world.SenegalRoster.DeleteOfficerAsync(new DeleteOfficerRequest { Name = officer.Name });

        var kept = await _world.SenegalRoster.GetOfficerAsync(new GetOfficerRequest { Name = officer.Name });
        Assert.True(kept.Anonymized);
        Assert.Equal("(anonymised)", (await Senegal.GetNominationAsync(new GetNominationRequest { Name = nomination.Name })).OfficerDisplayName);
        Assert.Equal(("", ""), (kept.GivenName, kept.FamilyName));
        Assert.Equal(Gender.Female, kept.Gender);
        var stats = await Admin.GetSessionStatisticsAsync(new GetSessionStatisticsRequest { Session = session.Name });
        Assert.Equal(0, stats.Overall.Nominated);
    }
}
