namespace Autobahn.Testsuite.Cases;

/// <summary>
/// A case id such as <c>6.4.3</c>. Ids sort by their integer tuple, as wstest sorts them
/// (<c>caseset.py</c> <c>parseSpecCases</c>), so 9.10 follows 9.9 and 10.1.1 follows 9.8.6.
/// </summary>
public readonly struct CaseId : IEquatable<CaseId>, IComparable<CaseId>
{
    private readonly int[] parts;

    private CaseId(string text, int[] parts)
    {
        Text = text;
        this.parts = parts;
    }

    /// <summary>The id as wstest writes it, e.g. "6.4.3".</summary>
    public string Text { get; }

    /// <summary>The section number (the first part of the id).</summary>
    public int Section => parts[0];

    /// <summary>Parses an id made of 2 or 3 dot-separated non-negative integers.</summary>
    public static CaseId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not an Autobahn case id (expected e.g. 2.2 or 6.4.3).");

    /// <summary>Tries to parse an id made of 2 or 3 dot-separated non-negative integers.</summary>
    public static bool TryParse(string? text, out CaseId id)
    {
        id = default;
        if (string.IsNullOrEmpty(text)) return false;
        var pieces = text.Split('.');
        if (pieces.Length is < 2 or > 3) return false;
        var numbers = new int[pieces.Length];
        for (var i = 0; i < pieces.Length; i++)
        {
            if (pieces[i].Length == 0 || !pieces[i].All(char.IsAsciiDigit) || !int.TryParse(pieces[i], out numbers[i])) return false;
        }

        id = new CaseId(text, numbers);
        return true;
    }

    /// <summary>The id with dots replaced by underscores, as in wstest's report file names.</summary>
    public string FileSafe => Text.Replace('.', '_');

    /// <inheritdoc />
    public int CompareTo(CaseId other)
    {
        var length = Math.Min(parts.Length, other.parts.Length);
        for (var i = 0; i < length; i++)
        {
            var c = parts[i].CompareTo(other.parts[i]);
            if (c != 0) return c;
        }

        return parts.Length.CompareTo(other.parts.Length);
    }

    /// <inheritdoc />
    public bool Equals(CaseId other) => string.Equals(Text, other.Text, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is CaseId other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Text?.GetHashCode(StringComparison.Ordinal) ?? 0;

    /// <inheritdoc />
    public override string ToString() => Text;

    /// <summary>Equality.</summary>
    public static bool operator ==(CaseId left, CaseId right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(CaseId left, CaseId right) => !left.Equals(right);
}
