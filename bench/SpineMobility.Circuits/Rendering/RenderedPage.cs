using System.Text;
using System.Text.RegularExpressions;

namespace SpineMobility.Circuits.Rendering;

/// <summary>
/// The page as the circuit has rendered it: a logical tree of elements, text, markup and components,
/// kept up to date by applying render batches the way blazor.web.js does (regions flattened into their
/// parent, each component a node whose children it renders itself). Enough to find a button by its
/// text and the event handler to dispatch; no layout, no styles.
/// </summary>
public sealed partial class RenderedPage
{
    private readonly Dictionary<int, ComponentNode> _components = [];
    private readonly List<ComponentNode> _roots = [];

    public IReadOnlyList<ComponentNode> Roots => _roots;

    /// <summary>A root component the server attached to an SSR marker (<c>JS.AttachComponent</c>).</summary>
    public void AttachRoot(int componentId) => _roots.Add(Component(componentId));

    public void Apply(byte[] batch)
    {
        var reader = new RenderBatchReader(batch);
        foreach (var diff in reader.UpdatedComponents())
        {
            ApplyDiff(reader, Component(diff.ComponentId), diff.Edits);
        }

        foreach (var id in reader.DisposedComponentIds())
        {
            _components.Remove(id);
        }
    }

    /// <summary>Every element of the page below the roots, in document order.</summary>
    public IEnumerable<ElementNode> Elements() => _roots.SelectMany(r => Descendants(r)).OfType<ElementNode>();

    public static IEnumerable<Node> Descendants(ContainerNode container)
    {
        foreach (var child in container.Children)
        {
            yield return child;
            if (child is ContainerNode inner)
            {
                foreach (var d in Descendants(inner))
                {
                    yield return d;
                }
            }
        }
    }

    /// <summary>The text a user would read in a node: its text and markup with the tags taken out.</summary>
    public static string TextOf(Node node)
    {
        var text = new StringBuilder();
        Collect(node, text);
        return Spaces().Replace(text.ToString(), " ").Trim();

        static void Collect(Node node, StringBuilder text)
        {
            switch (node)
            {
                case TextNode t:
                    text.Append(t.Text);
                    break;
                case MarkupNode m:
                    text.Append(' ').Append(System.Net.WebUtility.HtmlDecode(Tags().Replace(m.Markup, " "))).Append(' ');
                    break;
                case ContainerNode c:
                    foreach (var child in c.Children)
                    {
                        Collect(child, text);
                    }

                    break;
            }
        }
    }

    public string Describe()
    {
        var text = new StringBuilder();
        foreach (var root in _roots)
        {
            Describe(root, 0, text);
        }

        return text.ToString();
    }

    private static void Describe(Node node, int depth, StringBuilder text)
    {
        var indent = new string(' ', depth * 2);
        switch (node)
        {
            case ElementNode e:
                var attributes = string.Join(' ', e.Attributes.Where(a => a.Key is "class" or "id" or "aria-label" or "type" or "role" or "data-testid" or "href").Select(a => $"{a.Key}=\"{a.Value}\""));
                var events = string.Join(' ', e.Events.Select(ev => $"@{ev.Key}={ev.Value}"));
                text.Append(indent).Append('<').Append(e.Name).Append(' ').Append(attributes).Append(' ').Append(events).AppendLine(">");
                break;
            case ComponentNode c:
                text.Append(indent).Append("[component ").Append(c.ComponentId).AppendLine("]");
                break;
            case TextNode t when !string.IsNullOrWhiteSpace(t.Text):
                text.Append(indent).Append('"').Append(t.Text.Trim()).AppendLine("\"");
                break;
            case MarkupNode m:
                text.Append(indent).Append("markup: ").AppendLine(m.Markup.Length > 80 ? m.Markup[..80] + "…" : m.Markup);
                break;
        }

        if (node is ContainerNode container)
        {
            foreach (var child in container.Children)
            {
                Describe(child, depth + 1, text);
            }
        }
    }

    private ComponentNode Component(int id)
    {
        if (!_components.TryGetValue(id, out var node))
        {
            node = new ComponentNode(id);
            _components[id] = node;
        }

        return node;
    }

    private void ApplyDiff(RenderBatchReader batch, ComponentNode component, IReadOnlyList<RenderEdit> edits)
    {
        ContainerNode parent = component;
        var depth = 0;
        var childIndexAtDepth = 0;
        List<(int From, int To)>? permutation = null;
        foreach (var edit in edits)
        {
            var index = childIndexAtDepth + edit.SiblingIndex;
            switch (edit.Type)
            {
                case EditType.PrependFrame:
                    InsertFrame(batch, parent, index, edit.NewTreeIndex);
                    break;
                case EditType.RemoveFrame:
                    parent.Children.RemoveAt(index);
                    break;
                case EditType.SetAttribute:
                    ApplyAttribute(batch, (ElementNode)parent.Children[index], edit.NewTreeIndex);
                    break;
                case EditType.RemoveAttribute:
                    var element = (ElementNode)parent.Children[index];
                    var name = edit.RemovedAttributeName ?? "";
                    element.Attributes.Remove(name);
                    element.Events.Remove(EventName(name));
                    break;
                case EditType.UpdateText:
                    ((TextNode)parent.Children[index]).Text = batch.Text(edit.NewTreeIndex);
                    break;
                case EditType.UpdateMarkup:
                    ((MarkupNode)parent.Children[index]).Markup = batch.Text(edit.NewTreeIndex);
                    break;
                case EditType.StepIn:
                    parent = (ContainerNode)parent.Children[index];
                    depth++;
                    childIndexAtDepth = 0;
                    break;
                case EditType.StepOut:
                    parent = parent.Parent ?? throw new InvalidDataException("A render batch stepped out of its component.");
                    depth--;
                    childIndexAtDepth = 0;
                    break;
                case EditType.PermutationListEntry:
                    (permutation ??= []).Add((index, childIndexAtDepth + edit.NewTreeIndex));
                    break;
                case EditType.PermutationListEnd:
                    var moved = permutation!.Select(p => (p.To, Node: parent.Children[p.From])).ToList();
                    foreach (var (to, node) in moved)
                    {
                        parent.Children[to] = node;
                    }

                    permutation = null;
                    break;
                default:
                    throw new InvalidDataException($"Unknown render edit type {(int)edit.Type}.");
            }
        }

        if (depth != 0)
        {
            throw new InvalidDataException($"A render batch for component {component.ComponentId} ended {depth} levels deep.");
        }
    }

    /// <summary>Inserts one frame and its subtree; returns how many logical children it added (regions add their contents).</summary>
    private int InsertFrame(RenderBatchReader batch, ContainerNode parent, int index, int frame)
    {
        switch (batch.FrameTypeAt(frame))
        {
            case FrameType.Element:
                var element = new ElementNode(batch.ElementName(frame));
                parent.Insert(index, element);
                var end = frame + batch.SubtreeLength(frame);
                for (var d = frame + 1; d < end; d++)
                {
                    if (batch.FrameTypeAt(d) == FrameType.Attribute)
                    {
                        ApplyAttribute(batch, element, d);
                    }
                    else
                    {
                        InsertFrameRange(batch, element, 0, d, end);
                        break;
                    }
                }

                return 1;
            case FrameType.Text:
                parent.Insert(index, new TextNode(batch.Text(frame)));
                return 1;
            case FrameType.Markup:
                parent.Insert(index, new MarkupNode(batch.Text(frame)));
                return 1;
            case FrameType.Component:
                parent.Insert(index, Component(batch.ComponentId(frame)));
                return 1;
            case FrameType.Region:
                return InsertFrameRange(batch, parent, index, frame + 1, frame + batch.SubtreeLength(frame));
            case FrameType.ElementReferenceCapture:
                if (parent is ElementNode captured)
                {
                    captured.ReferenceId = batch.ElementReferenceCaptureId(frame);
                }

                return 0;
            case FrameType.Attribute:
                throw new InvalidDataException("An attribute frame outside the leading frames of an element.");
            default:
                return 0;
        }
    }

    private int InsertFrameRange(RenderBatchReader batch, ContainerNode parent, int index, int start, int end)
    {
        var first = index;
        for (var frame = start; frame < end; frame++)
        {
            index += InsertFrame(batch, parent, index, frame);
            if (batch.FrameTypeAt(frame) is FrameType.Element or FrameType.Component or FrameType.Region)
            {
                frame += batch.SubtreeLength(frame) - 1;
            }
        }

        return index - first;
    }

    private static void ApplyAttribute(RenderBatchReader batch, ElementNode element, int frame)
    {
        var name = batch.AttributeName(frame);
        var handler = batch.AttributeEventHandlerId(frame);
        if (handler != 0)
        {
            element.Events[EventName(name)] = handler;
        }
        else
        {
            element.Attributes[name] = batch.AttributeValue(frame);
        }
    }

    private static string EventName(string attribute) => attribute.StartsWith("on", StringComparison.Ordinal) ? attribute[2..] : attribute;

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

public abstract class Node
{
    public ContainerNode? Parent { get; set; }
}

public abstract class ContainerNode : Node
{
    public List<Node> Children { get; } = [];

    public void Insert(int index, Node child)
    {
        child.Parent = this;
        Children.Insert(index, child);
    }

    public bool IsInside(Func<ElementNode, bool> predicate)
    {
        for (var node = Parent; node is not null; node = node.Parent)
        {
            if (node is ElementNode e && predicate(e))
            {
                return true;
            }
        }

        return false;
    }
}

public sealed class ElementNode(string name) : ContainerNode
{
    public string Name { get; } = name;

    public Dictionary<string, string?> Attributes { get; } = [];

    /// <summary>Event name (click, change) to the handler id the server gave it.</summary>
    public Dictionary<string, ulong> Events { get; } = [];

    public string? ReferenceId { get; set; }

    public string? this[string attribute] => Attributes.GetValueOrDefault(attribute);
}

public sealed class ComponentNode(int componentId) : ContainerNode
{
    public int ComponentId { get; } = componentId;
}

public sealed class TextNode(string text) : Node
{
    public string Text { get; set; } = text;
}

public sealed class MarkupNode(string markup) : Node
{
    public string Markup { get; set; } = markup;
}
