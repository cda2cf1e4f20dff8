using System.Collections;
using System.Reflection;
using LiteDB;
using Training.Service.Domain.Catalog;
using Training.Service.Domain.Roster;
using Training.Service.Storage;

namespace Training.Service.Tests.Storage;

public sealed class MapperWarmUpTests
{
    [Fact]
    public void OpeningTheDatabase_MapsEveryStoredTypeAndTheTypesInsideThem_BeforeAnyRead()
    {
        using var database = TrainingDatabase.OpenInMemory();

        // LiteDB keeps its mappings in a private dictionary; a type missing there would be mapped on first use,
        // unsafely if two threads meet it at once.
        var field = typeof(BsonMapper).GetField("_entities", BindingFlags.NonPublic | BindingFlags.Instance)!;
        var mapped = ((IDictionary)field.GetValue(database.Lite.Mapper)!).Keys.Cast<Type>().ToHashSet();

        Assert.Contains(typeof(Officer), mapped);
        Assert.Contains(typeof(LanguageProficiency), mapped);
        Assert.Contains(typeof(SkillProficiency), mapped);
        Assert.Contains(typeof(Certifications), mapped);
        Assert.Contains(typeof(VettingItem), mapped);
        Assert.Contains(typeof(CourseRequirements), mapped);
        Assert.Contains(typeof(MemberStateAllocation), mapped);
    }
}
