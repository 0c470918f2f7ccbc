using ConsortiumGraph.PluginHost;
using GraphQL;
using System.Text.RegularExpressions;
using ConsortiumGraph.Access;
using ConsortiumGraph.Graph;
using ConsortiumGraph.Schools;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.Leagues;

/// <summary>
/// The League: a consortium's admins set it up and version its framework; a school joins with a letter of commitment
/// and rates itself against the framework over the years. A district's staff act for their district's schools; the
/// League's admins act for every school in it, also those outside the member districts. A League's new framework
/// versions and new members serialize on its revision; a letter's signatures on the membership's.
/// </summary>
public static partial class LeagueMutations
{
    public const int MaxLevels = 10;

    public static void AddLeagueMutations(this ObjectGraphType mutation)
    {
        mutation.Mutation<CreateLeagueInput, LeagueType, League>("createLeague",
            "Sets up a consortium's League of schools that improve together, with the commitment every member school makes. Its admins.", CreateAsync)
            .AuthorizeWithRoles(Readers.Admins);
        mutation.Mutation<DefineFrameworkInput, ImprovementFrameworkType, ImprovementFramework>("defineFramework",
            "Defines the next version of a League's framework of school practices: its rating scale and dimensions. Its consortium's admins.", DefineFrameworkAsync)
            .AuthorizeWithRoles(Readers.Admins);
        mutation.Mutation<JoinLeagueInput, LeagueMembershipType, LeagueMembership>("joinLeague",
            "A school asks to join a League; it is a member once its letter of commitment is signed. Its leaders, its district's staff, or the League's consortium's admins.", JoinAsync)
            .AuthorizeWithRoles(Readers.League);
        mutation.Mutation<SignLetterOfCommitmentInput, LeagueMembershipType, LeagueMembership>("signLetterOfCommitment",
            "Signs a school's letter of commitment as one of its four signatories; the fourth signature makes the school a member. Its leaders, its district's staff, or the League's consortium's admins.", SignAsync)
            .AuthorizeWithRoles(Readers.League);
        mutation.Mutation<LeaveLeagueInput, LeagueMembershipType, LeagueMembership>("leaveLeague",
            "A school leaves a League, or withdraws its request; its history stays. Its leaders, its district's staff, or the League's consortium's admins.", LeaveAsync)
            .AuthorizeWithRoles(Readers.League);
        mutation.Mutation<RecordSelfAssessmentInput, SelfAssessmentType, SelfAssessment>("recordSelfAssessment",
            "Adds a member school's ratings of itself, against the League's current framework, to its history. Its leaders, its district's staff, or the League's consortium's admins.", AssessAsync)
            .AuthorizeWithRoles(Readers.League);
        mutation.AddEducatorMutations();
        mutation.AddPeerVisitMutations();
        mutation.AddPracticeMutations();
        mutation.AddImprovementCommitmentMutations();
        mutation.AddConveningMutations();
        mutation.AddLearningGroupMutations();
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex DimensionKey();

    private static async Task<League?> CreateAsync(MutationContext<CreateLeagueInput> m)
    {
        var consortium = await m.Find<Consortia.Consortium>(m.Input.ConsortiumId, "Consortium", "consortiumId");
        var name = m.Text(m.Input.Name, "name", 200);
        var commitment = m.Text(m.Input.Commitment, "commitment", 4000);
        if (consortium is null || name is null || commitment is null) return null;
        if (await m.Db.Leagues.AnyAsync(l => l.ConsortiumId == consortium.Id && l.Name == name, m.Field.CancellationToken))
            m.Invalid("DUPLICATE_NAME", $"{consortium.Name} has a League named {name} already.", "name");
        if (m.Failed) return null;
        var league = new League { ConsortiumId = consortium.Id, Name = name, Commitment = commitment, CreatedAt = m.Now };
        m.Db.Leagues.Add(league);
        return league;
    }

    private static async Task<ImprovementFramework?> DefineFrameworkAsync(MutationContext<DefineFrameworkInput> m)
    {
        var input = m.Input;
        var league = await m.Find<League>(input.LeagueId, "League", "leagueId");
        var name = m.Text(input.Name, "name", 200);
        var summary = m.Text(input.ChangeSummary, "changeSummary", 2000, required: false);
        if (input.Levels.Count is < 2 or > MaxLevels)
            m.Invalid("OUT_OF_RANGE", $"A scale has 2 to {MaxLevels} levels; `levels` has {input.Levels.Count}.", "levels");
        var levels = input.Levels.Select((level, i) => m.Text(level, $"levels.{i}", 100)).ToList();
        if (levels.OfType<string>().GroupBy(l => l, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } repeated)
            m.Invalid("DUPLICATE_LEVEL", $"The level {repeated.Key} is on the scale twice.", "levels");
        if (input.Dimensions.Count == 0) m.Invalid("REQUIRED", "A framework has at least one dimension.", "dimensions");
        var dimensions = new List<FrameworkDimension>();
        foreach (var (dimension, i) in input.Dimensions.Select((d, i) => (d, i)))
        {
            var key = m.Text(dimension.Key, $"dimensions.{i}.key", 64);
            if (key is not null && !DimensionKey().IsMatch(key))
                m.Invalid("INVALID_KEY", $"`{key}` is not a dimension key: lowercase letters, digits and single hyphens (\"personalized-learning\").", $"dimensions.{i}.key");
            else if (key is not null && dimensions.Any(d => d.Key == key))
                m.Invalid("DUPLICATE_DIMENSION", $"The dimension {key} is in the framework twice.", $"dimensions.{i}.key");
            var dimensionName = m.Text(dimension.Name, $"dimensions.{i}.name", 200);
            var description = m.Text(dimension.Description, $"dimensions.{i}.description", 2000, required: false);
            if (dimension.Descriptors.Count != input.Levels.Count)
                m.Invalid("DESCRIPTORS_PER_LEVEL", $"The dimension {key ?? dimensionName} has {dimension.Descriptors.Count} descriptors for a scale of {input.Levels.Count} levels: give one per level.",
                    $"dimensions.{i}.descriptors");
            var descriptors = dimension.Descriptors.Select((d, k) => m.Text(d, $"dimensions.{i}.descriptors.{k}", 2000)).ToList();
            if (key is not null && dimensionName is not null)
                dimensions.Add(new FrameworkDimension
                {
                    Position = i + 1, Key = key, Name = dimensionName, Description = description, Descriptors = [.. descriptors.OfType<string>()],
                });
        }
        if (league is null || name is null || m.Failed) return null;
        var version = await m.Db.ImprovementFrameworks.Where(f => f.LeagueId == league.Id).MaxAsync(f => (int?)f.Version, m.Field.CancellationToken) ?? 0;
        var framework = new ImprovementFramework
        {
            LeagueId = league.Id, Version = version + 1, Name = name, Levels = [.. levels.OfType<string>()], DefinedAt = m.Now, ChangeSummary = summary, Dimensions = dimensions,
        };
        m.Db.ImprovementFrameworks.Add(framework);
        m.Revise(league, input.ExpectedRevision);
        return framework;
    }

    private static async Task<LeagueMembership?> JoinAsync(MutationContext<JoinLeagueInput> m)
    {
        var input = m.Input;
        var league = await m.Find<League>(input.LeagueId, "League", "leagueId");
        // The directory is public: a school outside the League's member districts is found all the same.
        var school = await m.Find<School>(input.SchoolId, "School", "schoolId", q => q.IgnoreQueryFilters().Include(s => s.District));
        var requested = input.RequestedOn ?? m.Today;
        m.NotInFuture(requested, "requestedOn");
        if (league is null || school is null || m.Failed) return null;
        if (!ActsForSchool(m, school, "schoolId")) return null;
        if (school.ClosedOn is not null)
            m.Violates("SCHOOL_CLOSED", $"{school.Name} closed on {school.ClosedOn:yyyy-MM-dd}; a closed school joins nothing.", "schoolId");
        if (await m.Db.LeagueMemberships.AnyAsync(x => x.LeagueId == league.Id && x.SchoolId == school.Id && x.LeftOn == null, m.Field.CancellationToken))
            m.Violates("ALREADY_MEMBER", $"{school.Name} is in {league.Name} already (or has asked to join).", "schoolId");
        // The district's own rules on its schools joining (a board's approval, a superintendent's sign-off first).
        await m.CheckLocalRulesAsync(school.District.Code, _ => Task.FromResult(new Plugins.ProposedLeagueJoining
        {
            DistrictCode = school.District.Code, LeagueId = GlobalId.Encode("League", league.Id), LeagueName = league.Name, Commitment = league.Commitment,
            SchoolCode = school.Code, SchoolName = school.Name, RequestedOn = requested,
        }));
        if (m.Failed) return null;
        var membership = new LeagueMembership { LeagueId = league.Id, SchoolId = school.Id, DistrictId = school.DistrictId, RequestedOn = requested };
        m.Db.LeagueMemberships.Add(membership);
        // Two requests for one school serialize on the League: the second sees the first.
        m.Revise(league, input.ExpectedRevision);
        return membership;
    }

    private static async Task<LeagueMembership?> SignAsync(MutationContext<SignLetterOfCommitmentInput> m)
    {
        var input = m.Input;
        var membership = await MembershipAsync(m, input.MembershipId, q => q.Include(x => x.Signatures));
        var signer = m.Text(input.SignedBy, "signedBy", 200);
        if (membership is null || signer is null || m.Failed) return null;
        if (membership.Status != LeagueMembershipStatus.Pending)
            m.Violates("NOT_PENDING", $"{membership.School.Name}'s letter is {(membership.Status == LeagueMembershipStatus.Active ? "signed already" : "closed: the school left")}.", "membershipId");
        else if (membership.Signatures.Any(s => s.Signatory == input.Signatory))
            m.Violates("ALREADY_SIGNED", $"The {Describe(input.Signatory)} signed {membership.School.Name}'s letter already.", "signatory");
        if (m.Failed) return null;
        membership.Signatures.Add(new LetterSignature { Signatory = input.Signatory, SignedBy = signer, SignedAt = m.Now });
        if (!LeagueMembership.MissingSignatures(membership.Signatures).Any())
        {
            membership.JoinedOn = m.Today;
            MarkLeagueMember(membership.School, true);
        }
        m.Revise(membership, input.ExpectedRevision);
        return membership;
    }

    private static async Task<LeagueMembership?> LeaveAsync(MutationContext<LeaveLeagueInput> m)
    {
        var input = m.Input;
        var membership = await MembershipAsync(m, input.MembershipId);
        var reason = m.Text(input.Reason, "reason", 2000);
        var left = input.LeftOn ?? m.Today;
        m.NotInFuture(left, "leftOn");
        if (membership is null || reason is null || m.Failed) return null;
        if (membership.Status == LeagueMembershipStatus.Left)
            m.Violates("ALREADY_LEFT", $"{membership.School.Name} left {membership.League.Name} on {membership.LeftOn:yyyy-MM-dd}.", "membershipId");
        else if (left < membership.RequestedOn)
            m.Invalid("INVALID_RANGE", $"`leftOn` is before {membership.School.Name} asked to join ({membership.RequestedOn:yyyy-MM-dd}).", "leftOn");
        if (m.Failed) return null;
        membership.LeftOn = left;
        membership.LeaveReason = reason;
        // Still a League member while in another League.
        if (!await m.Db.LeagueMemberships.AnyAsync(x => x.SchoolId == membership.SchoolId && x.Id != membership.Id && x.JoinedOn != null && x.LeftOn == null, m.Field.CancellationToken))
            MarkLeagueMember(membership.School, false);
        m.Revise(membership, input.ExpectedRevision);
        return membership;
    }

    private static async Task<SelfAssessment?> AssessAsync(MutationContext<RecordSelfAssessmentInput> m)
    {
        var input = m.Input;
        var membership = await MembershipAsync(m, input.MembershipId);
        var notes = m.Text(input.Notes, "notes", 4000, required: false);
        m.NotInFuture(input.AssessedOn, "assessedOn");
        if (input.Ratings.Count == 0) m.Invalid("REQUIRED", "Rate at least one dimension.", "ratings");
        if (membership is null || m.Failed) return null;
        if (membership.Status != LeagueMembershipStatus.Active)
            m.Violates("NOT_ACTIVE", $"{membership.School.Name} is not an active member of {membership.League.Name} ({membership.Status.ToString().ToUpperInvariant()}): only members rate themselves against its framework.", "membershipId");
        else if (input.AssessedOn < membership.JoinedOn)
            m.Invalid("INVALID_RANGE", $"`assessedOn` is before {membership.School.Name} joined ({membership.JoinedOn:yyyy-MM-dd}).", "assessedOn");
        var framework = await DimensionKeys.InForceAsync(m, membership.LeagueId);
        if (framework is null)
            m.Violates("NO_FRAMEWORK", $"{membership.League.Name} has no framework yet: its admins define one first (`defineFramework`).", "membershipId");
        if (await m.Db.SelfAssessments.AnyAsync(a => a.MembershipId == membership.Id && a.AssessedOn == input.AssessedOn, m.Field.CancellationToken))
            m.Violates("DUPLICATE_DAY", $"{membership.School.Name} has an assessment on {input.AssessedOn:yyyy-MM-dd} already.", "assessedOn");
        if (framework is null) return null;
        var ratings = new List<DimensionRating>();
        foreach (var (rating, i) in input.Ratings.Select((r, i) => (r, i)))
        {
            var dimension = framework.Dimensions.FirstOrDefault(d => d.Key == rating.Dimension?.Trim());
            var evidence = m.Text(rating.Evidence, $"ratings.{i}.evidence", 4000, required: false);
            if (dimension is null)
                m.Invalid("UNKNOWN_DIMENSION", $"Version {framework.Version} of the framework has no dimension {rating.Dimension}; it has {string.Join(", ", framework.Dimensions.OrderBy(d => d.Position).Select(d => d.Key))}.",
                    $"ratings.{i}.dimension");
            else if (ratings.Any(r => r.DimensionId == dimension.Id))
                m.Invalid("DUPLICATE_DIMENSION", $"The dimension {dimension.Key} is rated twice.", $"ratings.{i}.dimension");
            else if (rating.Rating < 1 || rating.Rating > framework.Levels.Count)
                m.Invalid("OUT_OF_RANGE", $"`rating` is a level of the scale: 1 ({framework.Levels[0]}) to {framework.Levels.Count} ({framework.Levels[^1]}).", $"ratings.{i}.rating");
            else ratings.Add(new DimensionRating { DimensionId = dimension.Id, Rating = rating.Rating, Evidence = evidence });
        }
        if (m.Failed) return null;
        // The district's own rules on how its schools rate themselves (evidence for the top level, a team's sign-off).
        await m.CheckLocalRulesAsync(membership.School.District.Code, _ => Task.FromResult(new Plugins.ProposedSelfAssessment
        {
            DistrictCode = membership.School.District.Code, FrameworkVersion = framework.Version, Levels = framework.Levels, AssessedOn = input.AssessedOn, Notes = notes,
            Membership = PluginViews.LeagueMembership(membership),
            Ratings = [.. input.Ratings.Select(r => new Plugins.ProposedRating { Dimension = r.Dimension!.Trim(), Rating = r.Rating, Evidence = r.Evidence?.Trim() is { Length: > 0 } e ? e : null })],
        }));
        if (m.Failed) return null;
        var assessment = new SelfAssessment { MembershipId = membership.Id, FrameworkId = framework.Id, AssessedOn = input.AssessedOn, Notes = notes, RecordedAt = m.Now, Ratings = ratings };
        m.Db.SelfAssessments.Add(assessment);
        return assessment;
    }

    /// <summary>A membership, with its League and school, that the caller acts for; records NOT_FOUND or NOT_AUTHORIZED otherwise.</summary>
    internal static async Task<LeagueMembership?> MembershipAsync<TInput>(MutationContext<TInput> m, string id,
        Func<IQueryable<LeagueMembership>, IQueryable<LeagueMembership>>? include = null, string inputField = "membershipId")
    {
        var membership = await m.Find<LeagueMembership>(id, "LeagueMembership", inputField,
            q => (include?.Invoke(q) ?? q).Include(x => x.League).Include(x => x.School).ThenInclude(s => s.District));
        return membership is not null && ActsForSchool(m, membership.School, inputField) ? membership : null;
    }

    /// <summary>
    /// A school's leaders act for it, a district's staff for its schools; the League's consortium's admins for every school in it
    /// (also one outside the member districts, which has no staff in the consortium to act for it). An admin found the League
    /// through the row filter, so it is in one of their consortia.
    /// </summary>
    internal static bool ActsForSchool<TInput>(MutationContext<TInput> m, School school, string inputField)
    {
        if (m.Caller.IsAdmin || m.Caller.ActsForSchool(school.Id, school.DistrictId)) return true;
        m.Forbidden(m.Caller.IsSchoolLeader
            ? $"You act for your own school, not for {school.Name} of {school.District.Name}."
            : $"You act for your own district's schools ({string.Join(", ", m.Caller.DistrictCodes)}), not for {school.Name} of {school.District.Name}.", inputField);
        return false;
    }

    /// <summary>The school's directory flag follows its memberships; a change to it is a change to the school (revised, audited).</summary>
    private static void MarkLeagueMember(School school, bool member)
    {
        if (school.LeagueMember == member) return;
        school.LeagueMember = member;
        school.Revise();
    }

    private static string Describe(Signatory signatory) => signatory switch
    {
        Signatory.Principal => "principal",
        Signatory.Superintendent => "superintendent",
        Signatory.LeadershipTeam => "leadership team's representative",
        _ => "board chair",
    };
}
