using System.Text;

namespace DurableLessons.Bench.Tests;

/// <summary>
/// A receive function that hands out the given pieces one per call (never more than the caller's buffer holds),
/// then 0 for the end of the stream: the same bytes can be delivered whole, split, or one byte at a time.
/// </summary>
internal sealed class ScriptedStream(IEnumerable<byte[]> pieces)
{
    private readonly Queue<byte[]> _pieces = new(pieces);

    public int Receives { get; private set; }

    public static ScriptedStream Whole(string text) => new([Encoding.ASCII.GetBytes(text)]);

    public static ScriptedStream OneBytePerRead(string text) => new(Encoding.ASCII.GetBytes(text).Select(b => new[] { b }));

    public static ScriptedStream SplitAt(string text, params int[] offsets)
    {
        var bytes = Encoding.ASCII.GetBytes(text);
        var bounds = offsets.Prepend(0).Append(bytes.Length).ToArray();
        return new ScriptedStream(bounds.Zip(bounds.Skip(1), (from, to) => bytes[from..to]));
    }

    public ValueTask<int> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        Receives++;
        if (!_pieces.TryPeek(out var piece))
        {
            return ValueTask.FromResult(0);
        }

        var count = Math.Min(piece.Length, buffer.Length);
        piece.AsSpan(0, count).CopyTo(buffer.Span);
        _pieces.Dequeue();
        if (count < piece.Length)
        {
            var rest = new Queue<byte[]>([piece[count..], .. _pieces]);
            _pieces.Clear();
            foreach (var remaining in rest)
            {
                _pieces.Enqueue(remaining);
            }
        }

        return ValueTask.FromResult(count);
    }
}
