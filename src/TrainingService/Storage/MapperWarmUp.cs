using System.Reflection;
using LiteDB;

namespace Training.Service.Storage;

/// <summary>
/// Builds LiteDB's mapping of every stored type, nested ones included, once and on one thread, before anything
/// reads concurrently. LiteDB 5.0.21 publishes a type's mapping before it has filled in its members (to break
/// recursion), without a lock for readers: two threads mapping a type for the first time at once fail with
/// "Collection was modified" (seen at start-up when officers were read on two threads).
/// </summary>
public static class MapperWarmUp
{
    public static void BuildAll(BsonMapper mapper, params Type[] stored)
    {
        var seen = new HashSet<Type>();
        var pending = new Stack<Type>(stored);
        while (pending.Count > 0)
        {
            var type = pending.Pop();
            if (!seen.Add(type) || !IsMapped(type)) continue;
            // Mapping an empty document builds the type's mapping; its members' types are mapped only when met.
            mapper.Deserialize(type, new BsonDocument());
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                foreach (var inner in Inside(property.PropertyType)) pending.Push(inner);
        }
    }

    /// <summary>Our own classes with a constructor LiteDB can call: what the mapper builds a mapping for.</summary>
    private static bool IsMapped(Type type) =>
        type.IsClass && type.Namespace?.StartsWith("Training.", StringComparison.Ordinal) == true
        && type.GetConstructor(Type.EmptyTypes) is not null;

    private static IEnumerable<Type> Inside(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying) return Inside(underlying);
        if (type.IsArray) return Inside(type.GetElementType()!);
        if (type.IsGenericType) return type.GetGenericArguments().SelectMany(Inside).Append(type);
        return [type];
    }
}
