using Training.Service.Domain.Common;

namespace Training.Service.Domain.Roster;

public interface IOfficerRepository
{
    Officer? Get(string regionCode, string officerId);

    Officer? FindByNationalPoliceId(string regionCode, string nationalPoliceId);

    void Insert(Officer officer);

    void Update(Officer officer);

    void Delete(Officer officer);

    /// <summary>Officers of the given States (null: all), in name-key order, after the page's key.</summary>
    Page<Officer> List(IReadOnlyCollection<string>? regionCodes, PageRequest page);

    /// <summary>Officers matching the query, in name-key order, after the page's key.</summary>
    Page<Officer> Search(OfficerQuery query, PageRequest page);

    int Count(string regionCode);
}
