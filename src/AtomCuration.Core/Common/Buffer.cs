namespace AtomCuration.Common;

/// <summary>A growable array for hot loops: no bounds-checked List indirection, trimmed once at the end.</summary>
internal struct Buffer<T>
{
    private T[] _items;

    public Buffer(int capacity)
    {
        _items = new T[Math.Max(4, capacity)];
        Count = 0;
    }

    public int Count { get; private set; }

    public void Add(T item)
    {
        if (Count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
        _items[Count++] = item;
    }

    public readonly Span<T> AsSpan() => _items.AsSpan(0, Count);

    public readonly T[] ToArray() => _items.AsSpan(0, Count).ToArray();
}
