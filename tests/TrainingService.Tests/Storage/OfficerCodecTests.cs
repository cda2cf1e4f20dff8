using System.Collections;
using System.Reflection;
using Training.Service.Domain.Roster;
using Training.Service.Storage;

namespace Training.Service.Tests.Storage;

/// <summary>
/// The roster image's bytes must carry every field an officer has: officers filled at random through reflection (so a
/// field added to the model tomorrow is filled too) must read back as LiteDB would store them.
/// </summary>
public sealed class OfficerCodecTests
{
    [Fact]
    public void EverySettableField_ReadsBackAsLiteDbWouldStoreIt()
    {
        using var database = TrainingDatabase.OpenInMemory();
        var random = new Random(2026);
        for (var i = 0; i < 300; i++)
        {
            var officer = (Officer)Fill(typeof(Officer), random, depth: 0)!;
            officer.Key = $"XX/{i}";
            var bytes = new MemoryStream();
            using (var writer = new BinaryWriter(bytes, System.Text.Encoding.UTF8, leaveOpen: true)) OfficerCodec.Write(writer, officer);
            var image = new OfficerCodec.Bytes(bytes.ToArray());
            var read = OfficerCodec.Read(ref image, new OfficerCompaction());

            Assert.True(image.AtEnd);
            // What LiteDB keeps of the officer (dates to its millisecond) is what the image must give back.
            database.Write(() => database.Officers.Insert(officer));
            var stored = database.Officers.FindById(officer.Key);
            Assert.Equal(database.Lite.Mapper.ToDocument(stored).ToString(), database.Lite.Mapper.ToDocument(read).ToString());
        }
    }

    [Fact]
    public void Shape_NamesEveryStoredFieldAndEnumValue()
    {
        Assert.Contains("Officer.Revision:System.Int64;", OfficerCodec.Shape);
        Assert.Contains("VettingItem.Date:System.Nullable`1[System.DateOnly];", OfficerCodec.Shape);
        Assert.Contains("AmsPass.LanguageCode:System.String;", OfficerCodec.Shape);
        Assert.Contains("Expert=4,", OfficerCodec.Shape);
        Assert.DoesNotContain("NameKey", OfficerCodec.Shape);
    }

    /// <summary>A random value for every settable property of <paramref name="type"/>, recursively; null sometimes where allowed.</summary>
    private static object? Fill(Type type, Random random, int depth)
    {
        var nullable = Nullable.GetUnderlyingType(type);
        if (nullable is not null) return Fill(nullable, random, depth);
        if (type == typeof(string)) return random.Next(8) == 0 ? "" : RandomText(random);
        if (type == typeof(bool)) return random.Next(2) == 0;
        if (type == typeof(int)) return random.Next(int.MinValue, int.MaxValue);
        if (type == typeof(long)) return random.NextInt64(long.MinValue, long.MaxValue);
        if (type == typeof(DateOnly)) return DateOnly.FromDayNumber(random.Next(DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber));
        if (type == typeof(DateTime))
            return random.Next(10) switch
            {
                0 => DateTime.MinValue,
                1 => DateTime.MaxValue,
                _ => new DateTime(random.NextInt64(new DateTime(1900, 1, 1).Ticks, new DateTime(2200, 1, 1).Ticks), DateTimeKind.Utc),
            };
        if (type.IsEnum)
        {
            var values = Enum.GetValues(type);
            return values.GetValue(random.Next(values.Length));
        }
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            var list = (IList)Activator.CreateInstance(type)!;
            for (var i = random.Next(0, 4); i > 0; i--) list.Add(Fill(type.GetGenericArguments()[0], random, depth + 1));
            return list;
        }
        if (type.IsClass && depth < 6)
        {
            var instance = Activator.CreateInstance(type)!;
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true }))
                property.SetValue(instance, IsNullable(property) && random.Next(4) == 0 ? null : Fill(property.PropertyType, random, depth + 1));
            return instance;
        }
        throw new InvalidOperationException($"The test cannot fill a {type}: teach it, and the codec, this type.");
    }

    private static bool IsNullable(PropertyInfo property) =>
        Nullable.GetUnderlyingType(property.PropertyType) is not null
        || new NullabilityInfoContext().Create(property).WriteState == NullabilityState.Nullable;

    private static string RandomText(Random random)
    {
        const string letters = "abcdefghijklmnopqrstuvwxyzÀÉÈÎÔÛÇéèêëïöüßæøłđ'- 中";
        return new string(Enumerable.Range(0, random.Next(1, 16)).Select(_ => letters[random.Next(letters.Length)]).ToArray());
    }
}
