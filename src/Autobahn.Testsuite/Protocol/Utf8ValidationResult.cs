namespace Autobahn.Testsuite.Protocol;

/// <summary>
/// The result of one <see cref="Utf8Validator.Validate"/> call: autobahn's quad
/// <c>(valid?, endsOnCodePoint?, currentIndex, totalIndex)</c> from utf8validator.py.
/// </summary>
/// <param name="IsValid">False once a byte made the sequence invalid.</param>
/// <param name="EndsOnCodePoint">True when everything seen so far ends on a code point boundary; always false when invalid.</param>
/// <param name="CurrentIndex">On rejection the index of the rejecting byte in this chunk; otherwise the chunk length.</param>
/// <param name="TotalIndex">On rejection the index of the rejecting byte in the whole sequence (bytes consumed before it); otherwise the total bytes consumed.</param>
internal readonly record struct Utf8ValidationResult(bool IsValid, bool EndsOnCodePoint, int CurrentIndex, long TotalIndex);
