using LiteDB;

namespace Training.Service.Storage;

/// <summary>
/// Parameterised query conditions. LiteDB's <c>Query.EQ(field, value)</c> writes the value into the expression's
/// text, and compiled expressions are cached by their text forever: every distinct value would compile anew
/// (about a millisecond) and stay in memory. These keep the text constant and pass the value as a parameter.
/// </summary>
public static class Filters
{
    public static BsonExpression Eq(string field, BsonValue value) => BsonExpression.Create($"$.{field} = @0", value);

    public static BsonExpression Gt(string field, BsonValue value) => BsonExpression.Create($"$.{field} > @0", value);

    public static BsonExpression Gte(string field, BsonValue value) => BsonExpression.Create($"$.{field} >= @0", value);

    public static BsonExpression Lt(string field, BsonValue value) => BsonExpression.Create($"$.{field} < @0", value);

    public static BsonExpression Lte(string field, BsonValue value) => BsonExpression.Create($"$.{field} <= @0", value);

    public static BsonExpression In(string field, IEnumerable<BsonValue> values) => BsonExpression.Create($"$.{field} IN @0", new BsonArray(values));
}
