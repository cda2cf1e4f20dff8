namespace Training.Service.Domain.Reference;

public sealed class MemberState
{
    public string RegionCode { get; set; } = "";
    public string DisplayName { get; set; } = "";
}

public sealed class Language
{
    public string LanguageCode { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public bool UnOfficial { get; set; }
    /// <summary>Listing order: the six official UN languages first, then by code.</summary>
    public string SortKey { get; set; } = "";
}

public enum SkillStream { Unspecified = 0, PoliceCommand = 1, PoliceOperations = 2, PoliceAdministration = 3, PoliceCapacityBuilding = 4 }

public sealed class Skill
{
    public string SkillCode { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public SkillStream Stream { get; set; }
    public bool Specialist { get; set; }
    /// <summary>Listing order: stream, then code.</summary>
    public string SortKey => $"{(int)Stream}/{SkillCode}";
}

public sealed class Mission
{
    public string MissionCode { get; set; } = "";
    public string Acronym { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string HostRegionCode { get; set; } = "";
    public List<string> WorkingLanguageCodes { get; set; } = [];
}
