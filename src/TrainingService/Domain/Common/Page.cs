namespace Training.Service.Domain.Common;

/// <summary>A page of results read in key order, and the key to continue after (null at the end).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextAfterKey);

/// <summary>How many items to read, and the key of the last item already seen (keyset paging).</summary>
public sealed record PageRequest(int Size, string? AfterKey);
