using System.Buffers.Binary;
using System.Text;

namespace SpineMobility.Circuits.Rendering;

/// <summary>
/// Reads the binary render batch a Blazor Server circuit sends in <c>JS.RenderBatch</c>, the format
/// blazor.web.js decodes: sections of little-endian int32 records, a string table, and five offsets
/// at the end (updated components, reference frames, disposed components, disposed event handlers,
/// string table).
/// </summary>
public sealed class RenderBatchReader
{
    private const int EditSize = 16;
    private const int FrameSize = 20;

    private readonly byte[] _data;
    private readonly int _stringTable;

    public RenderBatchReader(byte[] data)
    {
        if (data.Length < 20)
        {
            throw new InvalidDataException($"A render batch has at least 20 bytes of offsets; this one has {data.Length}.");
        }

        _data = data;
        _stringTable = Int32(data.Length - 4);
    }

    /// <summary>Each updated component with its edits, in the order the browser applies them.</summary>
    public IEnumerable<ComponentDiff> UpdatedComponents()
    {
        var range = Int32(_data.Length - 20);
        var count = Int32(range);
        for (var i = 0; i < count; i++)
        {
            var diff = Int32(range + 4 + (4 * i));
            var componentId = Int32(diff);
            var editCount = Int32(diff + 4);
            var edits = new RenderEdit[editCount];
            for (var e = 0; e < editCount; e++)
            {
                var at = diff + 8 + (EditSize * e);
                edits[e] = new RenderEdit((EditType)Int32(at), Int32(at + 4), Int32(at + 8), String(Int32(at + 12)));
            }

            yield return new ComponentDiff(componentId, edits);
        }
    }

    public int ReferenceFrameCount => Int32(Int32(_data.Length - 16));

    public FrameType FrameTypeAt(int index) => (FrameType)Int32(FrameAt(index));

    /// <summary>Frames in the subtree of an element, component or region, the frame itself included.</summary>
    public int SubtreeLength(int index) => Int32(FrameAt(index) + 4);

    public string ElementName(int index) => String(Int32(FrameAt(index) + 8)) ?? "";

    public string Text(int index) => String(Int32(FrameAt(index) + 4)) ?? "";

    public int ComponentId(int index) => Int32(FrameAt(index) + 8);

    public string AttributeName(int index) => String(Int32(FrameAt(index) + 4)) ?? "";

    public string? AttributeValue(int index) => String(Int32(FrameAt(index) + 8));

    public ulong AttributeEventHandlerId(int index) => BinaryPrimitives.ReadUInt64LittleEndian(_data.AsSpan(FrameAt(index) + 12, 8));

    public string? ElementReferenceCaptureId(int index) => String(Int32(FrameAt(index) + 4));

    public IEnumerable<int> DisposedComponentIds()
    {
        var range = Int32(_data.Length - 12);
        var count = Int32(range);
        for (var i = 0; i < count; i++)
        {
            yield return Int32(range + 4 + (4 * i));
        }
    }

    public IEnumerable<ulong> DisposedEventHandlerIds()
    {
        var range = Int32(_data.Length - 8);
        var count = Int32(range);
        for (var i = 0; i < count; i++)
        {
            yield return BinaryPrimitives.ReadUInt64LittleEndian(_data.AsSpan(range + 4 + (8 * i), 8));
        }
    }

    private int FrameAt(int index) => Int32(_data.Length - 16) + 4 + (FrameSize * index);

    private int Int32(int offset) => BinaryPrimitives.ReadInt32LittleEndian(_data.AsSpan(offset, 4));

    /// <summary>Strings are indexes into the table: a 7-bit encoded length, then UTF-8. -1 is null.</summary>
    private string? String(int index)
    {
        if (index == -1)
        {
            return null;
        }

        var at = Int32(_stringTable + (4 * index));
        int length = 0, shift = 0;
        while (true)
        {
            var b = _data[at++];
            length |= (b & 0x7f) << shift;
            if (b < 0x80)
            {
                break;
            }

            shift += 7;
        }

        return Encoding.UTF8.GetString(_data, at, length);
    }
}

public sealed record ComponentDiff(int ComponentId, IReadOnlyList<RenderEdit> Edits);

/// <summary>One edit; <see cref="NewTreeIndex"/> doubles as the target index of a permutation entry.</summary>
public readonly record struct RenderEdit(EditType Type, int SiblingIndex, int NewTreeIndex, string? RemovedAttributeName);

public enum EditType
{
    PrependFrame = 1,
    RemoveFrame = 2,
    SetAttribute = 3,
    RemoveAttribute = 4,
    UpdateText = 5,
    StepIn = 6,
    StepOut = 7,
    UpdateMarkup = 8,
    PermutationListEntry = 9,
    PermutationListEnd = 10,
}

public enum FrameType
{
    Element = 1,
    Text = 2,
    Attribute = 3,
    Component = 4,
    Region = 5,
    ElementReferenceCapture = 6,
    ComponentReferenceCapture = 7,
    Markup = 8,
    NamedEvent = 10,
}
