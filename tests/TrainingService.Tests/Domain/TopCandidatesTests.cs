using Training.Service.Domain.Nominations;
using Training.Service.Domain.Recruitment;
using Training.Service.Domain.Roster;
using Xunit;

namespace Training.Service.Tests.Domain;

public class TopCandidatesTests
{
    private static readonly EligibilityResult Eligible = new([], []);

    [Theory]
    [InlineData(1, 0, 10)]
    [InlineData(2, 1, 50)]
    [InlineData(3, 50, 2_000)]
    [InlineData(4, 50, 30)]
    [InlineData(5, 7, 500)]
    public void Keeps_what_a_stable_sort_by_descending_score_keeps(int seed, int size, int offered)
    {
        var random = new Random(seed);
        // Few distinct scores, so ties are common and their order (the order offered) is what is tested.
        var officers = Enumerable.Range(0, offered)
            .Select(i => (Officer: new Officer { Id = $"o{i:D5}" }, Score: random.Next(6) * 2.5))
            .ToList();
        var top = new TopCandidates(size);
        for (var i = 0; i < officers.Count; i++) top.Offer(officers[i].Officer, officers[i].Score, Eligible, i);

        var expected = officers.OrderByDescending(o => o.Score).Take(size).Select(o => o.Officer.Id).ToList();
        Assert.Equal(expected, top.InOrder().Select(e => e.Officer.Id).ToList());
    }
}
