// Draws the exercise illustrations in content/illustrations: a START and an END frame per exercise,
// each a side- or front-view line figure on the same 240x180 canvas.
// Run from the repository root: dotnet run tools/illustrations/draw.cs
//   -- --out DIR       draw into DIR instead (test.sh compares that with the committed drawings)
//   -- --sheet FILE    also write a contact sheet: every drawing at 240 and 120 px, light and dark
//   -- --check         list limb lengths per frame
using System.Globalization;
using System.Net;
using System.Text;

string? Option(string name)
{
    var at = Array.IndexOf(args, name);
    return at < 0 ? null : at + 1 < args.Length && !args[at + 1].StartsWith("--", StringComparison.Ordinal) ? args[at + 1] : "";
}

if (Option("--out") == "" || Option("--sheet") == "")
{
    Console.Error.WriteLine("--out needs a folder and --sheet a file: dotnet run tools/illustrations/draw.cs -- --out /tmp/drawings --sheet /tmp/sheet.html");
    return 1;
}

var outDir = Option("--out") is { } o ? Path.GetFullPath(o) : Path.Combine(Directory.GetCurrentDirectory(), "content", "illustrations");
if (Option("--out") is null && !Directory.Exists(Path.Combine(Directory.GetCurrentDirectory(), "content")))
{
    Console.Error.WriteLine("Run this from the repository root (the folder that holds content/), or name a folder with --out.");
    return 1;
}

Directory.CreateDirectory(outDir);
var check = args.Contains("--check");
foreach (var exercise in Catalog.All())
{
    foreach (var (name, frame) in new[] { ("start", exercise.Start), ("end", exercise.End) })
    {
        var svg = Svg.Render(exercise.Scene, frame);
        File.WriteAllText(Path.Combine(outDir, $"{exercise.Slug}-{name}.svg"), svg);
        if (check)
        {
            Console.WriteLine($"{exercise.Slug}-{name} ({svg.Length} bytes): {Svg.Lengths(frame.Pose)}");
        }
    }
}

Console.WriteLine($"Wrote the illustrations to {outDir}");
if (Option("--sheet") is { } sheet)
{
    File.WriteAllText(sheet, ContactSheet.Html(Catalog.All().Select(e => e.Slug), outDir, Path.GetDirectoryName(Path.GetFullPath(sheet))!));
    Console.WriteLine($"Wrote the contact sheet to {Path.GetFullPath(sheet)}");
}

return 0;

/// <summary>A point on the 240x180 canvas (y grows downward).</summary>
internal readonly record struct P(double X, double Y)
{
    public static P operator +(P a, P b) => new(a.X + b.X, a.Y + b.Y);
    public static P operator -(P a, P b) => new(a.X - b.X, a.Y - b.Y);
    public static P operator *(P a, double k) => new(a.X * k, a.Y * k);
    public double Length => Math.Sqrt((X * X) + (Y * Y));
    public P Unit => this * (1 / Length);
    public static implicit operator P((double X, double Y) t) => new(t.X, t.Y);
}

/// <summary>An arm (shoulder, elbow, hand) or a leg (hip, knee, ankle, toe).</summary>
internal sealed record Limb(P Root, P Joint, P End, P? Tip = null)
{
    public Limb Move(P d) => new(Root + d, Joint + d, End + d, Tip is { } t ? t + d : null);
}

/// <summary>Body parts that can be drawn in the accent colour.</summary>
[Flags]
internal enum Part
{
    None = 0,
    Head = 1,
    UpperSpine = 2,
    LowerSpine = 4,
    Spine = UpperSpine | LowerSpine,
    Shoulders = 8,
    Hips = 16,
    ArmNear = 32,
    ArmFar = 64,
    Arms = ArmNear | ArmFar,
    LegNear = 128,
    LegFar = 256,
    Legs = LegNear | LegFar,
}

/// <summary>
/// A figure. The spine is a curve from the pelvis through Mid to the neck base; arms hang from their roots
/// (the same point in a side view, the two shoulders in a front view; likewise the legs and hips).
/// </summary>
internal sealed record Pose(P Head, P Neck, P Mid, P Pelvis, Limb ArmNear, Limb ArmFar, Limb LegNear, Limb LegFar)
{
    /// <summary>In a front view both sides are drawn alike; in a side view the far limbs are lighter.</summary>
    public bool Front { get; init; }

    /// <summary>
    /// Which way the top of the head points, in degrees clockwise from straight up; by default the way the neck
    /// points. Set it where the head stays level while the neck moves (a chin tuck).
    /// </summary>
    public double? HeadAxis { get; init; }

    public Pose Move(P d) => new(Head + d, Neck + d, Mid + d, Pelvis + d, ArmNear.Move(d), ArmFar.Move(d), LegNear.Move(d), LegFar.Move(d)) { Front = Front, HeadAxis = HeadAxis };
}

/// <summary>
/// One frame: a pose, the parts that move (accent colour), optional accent arrows, and optionally a dashed
/// outline of where the head was at the start, so a small head movement shows in one still picture.
/// </summary>
internal sealed record Frame(Pose Pose, Part Accent, params string[] Arrows)
{
    public Pose? GhostHead { get; init; }
}

internal enum Chair { None, Side, Front }

/// <summary>
/// How close the picture is taken: the grid point <paramref name="Focus"/> lands on <paramref name="To"/>, enlarged
/// <paramref name="Zoom"/> times. Lines keep one width on screen whatever the zoom, so every drawing has one line style.
/// </summary>
internal sealed record Camera(double Zoom, P Focus, P To)
{
    /// <summary>The whole standing or chair-seated figure.</summary>
    public static readonly Camera Whole = new(1, (120, Svg.FloorY), (120, Svg.FloorY));

    /// <summary>Sitting on a chair: the whole figure with the chair, closer than standing, the floor near the bottom.</summary>
    public static Camera OnAChair(double x) => new(1.2, (x, Svg.FloorY), (120, Svg.FloorY + 3.3));

    /// <summary>Lying, kneeling or sitting on a mat: the body is long and low, so come closer and keep the floor low.</summary>
    public static Camera OnTheMat(double x) => new(1.3, (x, Svg.FloorY), (120, Svg.FloorY - 2));
}

/// <summary>The props behind the figure and the camera; the same for both frames of an exercise.</summary>
internal sealed record Scene(bool Mat = false, Chair Chair = Chair.None, P? Roller = null, Camera? Camera = null)
{
    public Camera View => Camera ?? Camera.Whole;
}

internal sealed record Exercise(string Slug, Scene Scene, Frame Start, Frame End);

/// <summary>Body proportions and the helpers that place elbows and knees.</summary>
internal static class Body
{
    public const double UpperArm = 24, Forearm = 23, Thigh = 34, Shin = 33;

    /// <summary>An arm from the shoulder to the hand; the elbow bends toward <paramref name="elbowToward"/>.</summary>
    public static Limb Arm(P shoulder, P hand, P elbowToward) => new(shoulder, Bend(shoulder, hand, UpperArm, Forearm, elbowToward), hand);

    /// <summary>A leg from the hip to the ankle, then the foot to the toe; the knee bends toward <paramref name="kneeToward"/>.</summary>
    public static Limb Leg(P hip, P ankle, P kneeToward, P toe) => new(hip, Bend(hip, ankle, Thigh, Shin, kneeToward), ankle, toe);

    /// <summary>Two-bone reach: where the middle joint sits so both bones keep their length.</summary>
    private static P Bend(P root, P end, double first, double second, P toward)
    {
        var span = end - root;
        var d = span.Length;
        if (d >= (first + second) * 0.96)
        {
            // Nearly straight: draw it straight rather than with a barely-bent joint.
            return root + (span * (first / (first + second)));
        }

        var u = span.Unit;
        var normal = new P(-u.Y, u.X);
        var along = ((first * first) - (second * second) + (d * d)) / (2 * d);
        var across = Math.Sqrt(Math.Max(0, (first * first) - (along * along)));
        var side = Dot(toward - root, normal) >= 0 ? 1 : -1;
        return root + (u * along) + (normal * (across * side));
    }

    private static double Dot(P a, P b) => (a.X * b.X) + (a.Y * b.Y);
}

/// <summary>Turns frames into SVG text.</summary>
internal static class Svg
{
    private const string Ink = "#37474F", FarInk = "#8A9BA5", Accent = "#2E7D5B", FarAccent = "#7DB39A", Prop = "#98AAB4";
    private const double Limb = 8, FarLimb = 7, Torso = 10;

    /// <summary>The head is a little taller than wide, so a tilt of it shows, not only where it is.</summary>
    private const double HeadHalfWidth = 9, HeadHalfHeight = 10.8;

    /// <summary>Top of the floor; a limb lying on it has its centre line at y 144.</summary>
    public const double FloorY = 150;

    /// <summary>How much the group enlarges the grid, and how far it then moves it up.</summary>
    private const double Scale = 1.2, OffsetY = -8;

    /// <summary>The top of the mat (with the whole-figure camera its band is drawn 6 wide on y 151), and the radius of a foam roller lying on it.</summary>
    public const double MatTop = FloorY - 2, RollerRadius = 9;

    /// <summary>The centre line of a limb lying on the mat.</summary>
    private const double LyingY = MatTop - (Limb / 2);

    public static string Render(Scene scene, Frame frame)
    {
        var sb = new StringBuilder();
        var camera = scene.View;
        // Poses are written on a 240x180 grid with the floor at y 150. The group enlarges them so the figures fill
        // the frame: with the whole-figure camera the floor lands at y 172, a standing head's top at y 4, and
        // x 20..220 of the grid spans the width; a closer camera enlarges more about its focus. Line widths are
        // divided by the camera's zoom, so a line is as wide on screen in a close-up as in a whole figure.
        var zoom = Scale * camera.Zoom;
        var dx = (Scale * (camera.To.X - (camera.Focus.X * camera.Zoom))) + (120 * (1 - Scale));
        var dy = (Scale * (camera.To.Y - (camera.Focus.Y * camera.Zoom))) + OffsetY;
        var w = 1 / camera.Zoom;
        sb.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 240 180\" role=\"img\">\n");
        sb.Append(CultureInfo.InvariantCulture, $"<g fill=\"none\" stroke-linecap=\"round\" stroke-linejoin=\"round\" transform=\"matrix({F(zoom, 4)} 0 0 {F(zoom, 4)} {F(dx)} {F(dy)})\">\n");

        // Floor and mat run across the same part of the picture whatever the camera: x 8..232 and 14..226 on screen.
        double GridX(double screenX) => (screenX - dx) / zoom;
        Props(sb, scene, GridX, w);

        var pose = frame.Pose;
        var accent = frame.Accent;
        string Colour(Part part, bool far) => (accent & part) != 0 ? (far ? FarAccent : Accent) : (far ? FarInk : Ink);
        var farShade = !pose.Front;

        if (frame.GhostHead is { } ghost)
        {
            // Where the head started: a dashed outline behind the figure, in the light accent.
            var dash = $" stroke-dasharray=\"{F(4 * w)} {F(3.5 * w)}\"";
            sb.Append(CultureInfo.InvariantCulture, $"<path d=\"M{F(ghost.Neck)}L{F(NeckEnd(ghost, 0))}\" stroke=\"{FarAccent}\" stroke-width=\"{F(2.5 * w)}\"{dash}/>\n");
            Head(sb, ghost, $"stroke=\"{FarAccent}\" stroke-width=\"{F(2.5 * w)}\"{dash}", 1.25 * w);
        }

        LimbPath(sb, pose.LegFar, Colour(Part.LegFar, farShade), (farShade ? FarLimb : Limb) * w);
        LimbPath(sb, pose.ArmFar, Colour(Part.ArmFar, farShade), (farShade ? FarLimb : Limb) * w);
        if ((pose.LegNear.Root - pose.LegFar.Root).Length > 4)
        {
            Line(sb, Colour(Part.Hips, false), Torso * w, pose.LegNear.Root, pose.LegFar.Root);
        }

        // The spine: a quadratic curve from the pelvis through Mid to the neck, split in half so the
        // lower (lumbar) and upper (thoracic) back can be coloured apart.
        var control = (pose.Mid * 2) - ((pose.Pelvis + pose.Neck) * 0.5);
        var lowerControl = (pose.Pelvis + control) * 0.5;
        var upperControl = (control + pose.Neck) * 0.5;
        var lower = Colour(Part.LowerSpine, false);
        var upper = Colour(Part.UpperSpine, false);
        if (lower == upper)
        {
            Path(sb, upper, Torso * w, $"M{F(pose.Pelvis)}C{F(pose.Pelvis + ((control - pose.Pelvis) * (2.0 / 3)))} {F(pose.Neck + ((control - pose.Neck) * (2.0 / 3)))} {F(pose.Neck)}");
        }
        else
        {
            Path(sb, lower, Torso * w, $"M{F(pose.Pelvis)}Q{F(lowerControl)} {F(pose.Mid)}");
            Path(sb, upper, Torso * w, $"M{F(pose.Mid)}Q{F(upperControl)} {F(pose.Neck)}");
        }

        if ((pose.ArmNear.Root - pose.ArmFar.Root).Length > 4)
        {
            Line(sb, Colour(Part.Shoulders, false), Torso * w, pose.ArmNear.Root, pose.ArmFar.Root);
        }

        // Neck and head.
        var head = Colour(Part.Head, false);
        Line(sb, head, (Limb - 1) * w, pose.Neck, NeckEnd(pose, 2));
        Head(sb, pose, $"fill=\"{head}\"", 0);

        LimbPath(sb, pose.LegNear, Colour(Part.LegNear, false), Limb * w);
        LimbPath(sb, pose.ArmNear, Colour(Part.ArmNear, false), Limb * w);

        foreach (var arrow in frame.Arrows)
        {
            Path(sb, Accent, 3 * w, arrow);
        }

        sb.Append("</g>\n</svg>\n");
        return sb.ToString();
    }

    /// <summary>The head: an upright oval turned to <see cref="Pose.HeadAxis"/>, shrunk by <paramref name="inset"/> (for an outline).</summary>
    private static void Head(StringBuilder sb, Pose pose, string paint, double inset)
    {
        var up = pose.Head - pose.Neck;
        var axis = pose.HeadAxis ?? (Math.Atan2(up.X, -up.Y) * 180 / Math.PI);
        var turn = Math.Abs(axis) < 0.05 ? "" : $" transform=\"rotate({F(axis)} {F(pose.Head)})\"";
        sb.Append(CultureInfo.InvariantCulture, $"<ellipse cx=\"{F(pose.Head.X)}\" cy=\"{F(pose.Head.Y)}\" rx=\"{F(HeadHalfWidth - inset)}\" ry=\"{F(HeadHalfHeight - inset)}\"{turn} {paint}/>\n");
    }

    /// <summary>The neck runs from its base toward the head's centre, stopping <paramref name="inside"/> past the bottom of the head.</summary>
    private static P NeckEnd(Pose pose, double inside) =>
        pose.Neck + ((pose.Head - pose.Neck).Unit * Math.Max(0, (pose.Head - pose.Neck).Length - HeadHalfHeight + inside));

    private static void Props(StringBuilder sb, Scene scene, Func<double, double> gridX, double w)
    {
        // Poses put a limb lying on the mat at y 144; thinner lines (a closer camera) lift the mat and floor so it
        // still touches them: the mat's band starts where that limb's edge is, the floor line runs inside the band.
        var matTop = LyingY + (Limb / 2 * w);
        var floorTop = matTop + (2 * w);
        Path(sb, Prop, 3 * w, $"M{F(gridX(8))} {F(floorTop + (1.5 * w))}H{F(gridX(232))}");
        if (scene.Mat)
        {
            // A mat seen edge-on: a thicker band lying on the floor line.
            Path(sb, Prop, 6 * w, $"M{F(gridX(14))} {F(matTop + (3 * w))}H{F(gridX(226))}");
        }

        switch (scene.Chair)
        {
            case Chair.Side:
                // Seat, backrest on the left (the figure faces right), front leg.
                Path(sb, Prop, 4 * w, $"M84 118H124M86 {F(floorTop)}V72M122 118V{F(floorTop)}");
                break;
            case Chair.Front:
                Path(sb, Prop, 4 * w, $"M88 118H152M92 118V{F(floorTop)}M148 118V{F(floorTop)}");
                break;
            case Chair.None:
                break;
        }

        if (scene.Roller is { } r)
        {
            // A foam roller seen end-on: a solid disc with a dark rim, so it reads as a solid object (not a wheel
            // or a ring) on both themes; its outer edge is RollerRadius + 1.
            sb.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(r.X)}\" cy=\"{F(r.Y)}\" r=\"{F(RollerRadius)}\" fill=\"{Prop}\" stroke=\"{Ink}\" stroke-width=\"{F(2 * w)}\"/>\n");
        }
    }

    private static void LimbPath(StringBuilder sb, Limb limb, string colour, double width)
    {
        var d = $"M{F(limb.Root)}L{F(limb.Joint)} {F(limb.End)}";
        if (limb.Tip is { } tip)
        {
            d += $" {F(tip)}";
        }

        Path(sb, colour, width, d);
    }

    private static void Line(StringBuilder sb, string colour, double width, P a, P b) => Path(sb, colour, width, $"M{F(a)}L{F(b)}");

    private static void Path(StringBuilder sb, string colour, double width, string d) =>
        sb.Append(CultureInfo.InvariantCulture, $"<path d=\"{d}\" stroke=\"{colour}\" stroke-width=\"{F(width)}\"/>\n");

    public static string F(double v) => Math.Round(v, 1).ToString("0.#", CultureInfo.InvariantCulture);

    public static string F(double v, int digits) => Math.Round(v, digits).ToString("0.####", CultureInfo.InvariantCulture);

    public static string F(P p) => $"{F(p.X)} {F(p.Y)}";

    /// <summary>Bone lengths of a pose, to spot limbs that stretch between frames.</summary>
    public static string Lengths(Pose p)
    {
        static string L(P a, P b) => F((a - b).Length);
        return $"torso {L(p.Pelvis, p.Mid)}+{L(p.Mid, p.Neck)} neck {L(p.Neck, p.Head)} " +
               $"arm {L(p.ArmNear.Root, p.ArmNear.Joint)}/{L(p.ArmNear.Joint, p.ArmNear.End)} " +
               $"leg {L(p.LegNear.Root, p.LegNear.Joint)}/{L(p.LegNear.Joint, p.LegNear.End)}";
    }
}

/// <summary>Accent arrows showing the direction of movement.</summary>
internal static class Arrow
{
    private const double Head = 5.5;

    /// <summary>A curved arrow from <paramref name="from"/> to <paramref name="to"/>, bowed toward <paramref name="via"/>.</summary>
    public static string Curve(P from, P via, P to, bool bothEnds = false)
    {
        var control = (via * 2) - ((from + to) * 0.5);
        var d = $"M{Svg.F(from)}Q{Svg.F(control)} {Svg.F(to)}" + Tip(to, to - control);
        return bothEnds ? d + Tip(from, from - control) : d;
    }

    /// <summary>An arrow around an ellipse from angle <paramref name="startDeg"/> through <paramref name="sweepDeg"/> (positive is clockwise on screen).</summary>
    public static string Around(P centre, double rx, double ry, double startDeg, double sweepDeg)
    {
        P At(double deg) => new(centre.X + (rx * Math.Cos(deg * Math.PI / 180)), centre.Y + (ry * Math.Sin(deg * Math.PI / 180)));
        var end = startDeg + sweepDeg;
        var a = At(startDeg);
        var b = At(end);
        var large = Math.Abs(sweepDeg) > 180 ? 1 : 0;
        var sweep = sweepDeg > 0 ? 1 : 0;
        var rad = end * Math.PI / 180;
        var tangent = new P(-rx * Math.Sin(rad), ry * Math.Cos(rad)) * Math.Sign(sweepDeg);
        return $"M{Svg.F(a)}A{Svg.F(rx)} {Svg.F(ry)} 0 {large} {sweep} {Svg.F(b)}" + Tip(b, tangent);
    }

    private static string Tip(P at, P direction)
    {
        var u = direction.Unit;
        var back = at - (u * Head);
        var side = new P(-u.Y, u.X) * (Head * 0.8);
        return $"M{Svg.F(back + side)}L{Svg.F(at)} {Svg.F(back - side)}";
    }
}

/// <summary>
/// A page to look at every drawing the way the app shows it: at 240 px (the detail page) and 120 px (a card on a
/// phone), on the light theme's white and the dark theme's surface with the app's inverting filter (wwwroot/app.css).
/// </summary>
internal static class ContactSheet
{
    public static string Html(IEnumerable<string> slugs, string drawings, string sheetFolder)
    {
        var folder = Path.GetRelativePath(sheetFolder, drawings).Replace('\\', '/');
        var sb = new StringBuilder();
        sb.Append("""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Exercise drawings</title>
            <style>
            body { margin: 8px; font: 13px system-ui, sans-serif; color: #1c2624; background: #f6f8f7; }
            main { display: grid; grid-template-columns: repeat(3, 522px); gap: 10px 8px; }
            section { background: #fff; padding: 4px; }
            h2 { font-size: 13px; margin: 0 0 3px; }
            .row { display: flex; gap: 2px; margin-top: 2px; }
            .dark { background: #17221f; }
            .dark img { filter: invert(1) hue-rotate(180deg); }
            img { display: block; }
            .w240 { width: 240px; height: 180px; } .w120 { width: 120px; height: 90px; }
            .light240, .dark240 { padding: 0 4px; }
            </style></head><body><main>

            """);
        foreach (var slug in slugs)
        {
            string Img(string frame, string size) => $"<img class=\"w{size}\" src=\"{WebUtility.HtmlEncode($"{folder}/{slug}-{frame}.svg")}\" alt=\"{slug} {frame}\">";
            sb.Append(CultureInfo.InvariantCulture, $"<section><h2>{WebUtility.HtmlEncode(slug)}</h2>\n");
            sb.Append(CultureInfo.InvariantCulture, $"<div class=\"row light240\">{Img("start", "240")}{Img("end", "240")}</div>\n");
            sb.Append(CultureInfo.InvariantCulture, $"<div class=\"row dark dark240\">{Img("start", "240")}{Img("end", "240")}</div>\n");
            sb.Append(CultureInfo.InvariantCulture, $"<div class=\"row\"><div class=\"row\">{Img("start", "120")}{Img("end", "120")}</div><div class=\"row dark\">{Img("start", "120")}{Img("end", "120")}</div></div>\n");
            sb.Append("</section>\n");
        }

        sb.Append("</main></body></html>\n");
        return sb.ToString();
    }
}

/// <summary>The pose table: a start and an end frame for every exercise in content/exercises.json.</summary>
internal static class Catalog
{
    private static readonly Scene Mat = new(Mat: true, Camera: Camera.OnTheMat(120));
    private static readonly Scene SideChair = new(Chair: Chair.Side, Camera: Camera.OnAChair(112));
    private static readonly Scene FrontChair = new(Chair: Chair.Front, Camera: Camera.OnAChair(120));
    private static readonly Scene Floor = new();

    public static IEnumerable<Exercise> All() =>
    [
        NeckCircles(), NeckTilts(), ChinTucks(), ThoracicRotations(), ThoracicExtensions(),
        QuadrupedThoracicMobilisations(), CatCow(), PelvicTilts(), KneeToChest(), HipCircles(), PigeonPose(),
        SquatHold(), SeatedSpinalTwist(), CobraPose(), ChildsPose(), SeatedSpinalRolls(), GentleNeckStretches(),
        AnkleCircles(),
    ];

    // ---- Shared figures -------------------------------------------------------------------------

    /// <summary>
    /// Sitting on a chair, seen from the front. The head bends <paramref name="tilt"/> degrees sideways from the base of
    /// the neck (positive: toward the picture's right) and drops <paramref name="nod"/> degrees forward.
    /// </summary>
    private static Pose SeatedFront(double tilt = 0, double nod = 0)
    {
        var neck = new P(120, 66);
        var reach = 17 * Math.Cos(nod * Math.PI / 180);
        var rad = tilt * Math.PI / 180;
        return new Pose(neck + (reach * Math.Sin(rad), -reach * Math.Cos(rad)), neck, (120, 87), (120, 108),
            Body.Arm((104, 69), (112, 111), (92, 92)),
            Body.Arm((136, 69), (128, 111), (148, 92)),
            new Limb((111, 110), (106, 120), (108, 143), (103, 145)),
            new Limb((129, 110), (134, 120), (132, 143), (137, 145))) { Front = true, HeadAxis = tilt };
    }

    /// <summary>Sitting on a chair, seen from the side, facing right, hands resting on the thighs, the head level.</summary>
    private static Pose SeatedSide(P head) => new(head, (98, 68), (96, 89), (96, 110),
        Body.Arm((98, 72), (121, 105), (92, 96)),
        Body.Arm((98, 72), (125, 105), (96, 96)),
        Body.Leg((96, 110), (129, 141), (140, 100), (140, 144)),
        Body.Leg((96, 110), (134, 141), (140, 100), (145, 144))) { HeadAxis = 0 };

    /// <summary>On hands and knees, facing right, hands under the shoulders and knees under the hips.</summary>
    private static Pose AllFours(P mid, P head) => new(head, (132, 96), mid, (92, 110),
        Body.Arm((132, 98), (132, 144), (140, 120)),
        Body.Arm((132, 98), (137, 144), (145, 120)),
        Body.Leg((92, 110), (58, 144), (92, 150), (48, 145)),
        Body.Leg((92, 110), (63, 144), (97, 150), (53, 145)));

    /// <summary>Lying on the back, head on the left, knees bent and feet flat.</summary>
    private static Pose OnBack(P mid, P pelvis) => new((48, 138), (62, 143), mid, pelvis,
        Body.Arm((62, 142), (107, 144), (84, 130)),
        Body.Arm((62, 142), (104, 144), (84, 130)),
        Body.Leg(pelvis, (150, 142), (130, 100), (160, 144)),
        Body.Leg(pelvis, (146, 142), (126, 100), (156, 144)));

    /// <summary>Sitting on the floor, facing right, legs stretched out long.</summary>
    private static Pose SittingLong(P head, P neck, P mid, P pelvis, Limb armNear, Limb armFar) => new(head, neck, mid, pelvis,
        armNear, armFar,
        Body.Leg(pelvis, (152, 142), (120, 100), (155, 133)),
        Body.Leg(pelvis, (156, 142), (124, 100), (159, 133)));

    // ---- One pose table per exercise ------------------------------------------------------------

    // The head of a neck exercise moves from the base of the neck. An end frame keeps a dashed outline of where the
    // head started, so a small movement shows in one still picture (and under reduced motion, where the player shows
    // the two frames side by side); neck circles show the circle itself instead.

    private static Exercise NeckCircles()
    {
        // START: the chin dropped to the chest (seen from the front, the head sinks over the shoulders), where the
        // circle begins. END: a quarter of the way round, clockwise as the steps say and as the picture shows it,
        // the ear over toward the shoulder; the circle the head draws is the arrow, so no outline of the start.
        return new("neck-circles", FrontChair,
            Start: new(SeatedFront(nod: 82), Part.Head),
            End: new(SeatedFront(tilt: -40), Part.Head, Arrow.Around((120, 52), 26, 21, 80, 290)));
    }

    private static Exercise NeckTilts()
    {
        // One rep is a tilt to each side, in the order of the steps: START, the left ear down toward the left
        // shoulder (the picture's right, as the figure faces us); END, over to the right.
        var left = SeatedFront(tilt: 40);
        return new("neck-tilts", FrontChair,
            Start: new(left, Part.Head),
            End: new(SeatedFront(tilt: -40), Part.Head, Arrow.Curve((134, 38), (120, 33), (106, 38))) { GhostHead = left });
    }

    private static Exercise GentleNeckStretches()
    {
        // A hold on one side, the left first as in the steps (the player mirrors it for the other): START upright,
        // END the left ear well down toward the left shoulder.
        var upright = SeatedFront();
        return new("gentle-neck-stretches", FrontChair,
            Start: new(upright, Part.Head),
            End: new(SeatedFront(tilt: 48), Part.Head, Arrow.Curve((130, 37), (140, 41), (145, 50))) { GhostHead = upright });
    }

    private static Exercise ChinTucks() => new("chin-tucks", SideChair,
        Start: new(SeatedSide(head: (113, 60)), Part.Head),
        End: new(SeatedSide(head: (101, 53)), Part.Head, Arrow.Curve((144, 61), (136, 58), (127, 59))) { GhostHead = SeatedSide(head: (113, 60)) });

    private static Exercise ThoracicRotations()
    {
        // Arms crossed over the chest, hands on the opposite shoulders. In the end frame the hips and legs
        // still face us while the chest has turned away to the side: the shoulders narrow and the crossed
        // arms are seen side-on, pointing the way the chest faces.
        var square = SeatedFront() with
        {
            ArmNear = new Limb((104, 69), (112, 88), (133, 72)),
            ArmFar = new Limb((136, 69), (128, 88), (107, 72)),
        };
        var turned = square with
        {
            Head = (123, 51),
            HeadAxis = 0,
            ArmNear = new Limb((114, 69), (136, 84), (125, 70)),
            ArmFar = new Limb((126, 69), (139, 80), (117, 71)),
        };
        return new("thoracic-rotations", FrontChair,
            Start: new(square, Part.Shoulders | Part.UpperSpine),
            End: new(turned, Part.Shoulders | Part.UpperSpine, Arrow.Around((120, 80), 28, 8, 160, -140)));
    }

    private static Exercise ThoracicExtensions()
    {
        // Hips on the mat, knees bent, hands behind the head, a foam roller across the upper back (about
        // two thirds of the way up the spine). START: the back rests on the roller in a straight line, chin
        // tucked. END: the upper back arches over the roller and the supported head drops toward the mat.
        var roller = new P(93, Svg.MatTop - Svg.RollerRadius - 1);
        var pelvis = new P(124, 143);
        var legs = Body.Leg(pelvis, (166, 142), (150, 100), (176, 144));
        var legsFar = Body.Leg(pelvis, (162, 142), (146, 100), (172, 144));
        // The hands cup the back of the head (hidden behind it) and the elbows point up, away from the chest.
        var start = new Pose((79.5, 108), (89.4, 119.1), (106.7, 131.1), pelvis,
            new Limb((89.5, 121), (101, 101), (77, 106)),
            new Limb((89.5, 121), (103, 102), (78, 105)),
            legs, legsFar);
        var end = new Pose((72.5, 130), (87, 126), (100.8, 126.8), pelvis,
            new Limb((87, 128), (92, 105), (74, 126)),
            new Limb((87, 128), (94, 106), (75, 125)),
            legs, legsFar);
        return new("thoracic-extensions", new Scene(Mat: true, Roller: roller, Camera: Camera.OnTheMat(120)),
            Start: new(start, Part.UpperSpine),
            End: new(end, Part.UpperSpine, Arrow.Curve((62, 110), (54, 120), (55, 132))));
    }

    private static Exercise QuadrupedThoracicMobilisations()
    {
        // Hands and knees stay put on the mat while the body rocks between them. START: rocked forward,
        // shoulders ahead of the hands, the back gently dipped and the head up. END: hips back toward the
        // heels, shoulders behind the hands, the upper back rounded up and the head dropped.
        static Limb Straight(P from, P to) => new(from, (from + to) * 0.5, to);
        static Pose OnAllFours(P head, P neck, P mid, P pelvis) => new(head, neck, mid, pelvis,
            Straight(neck + (0, 2), (146, 144)),
            Straight(neck + (0, 2), (150, 144)),
            new Limb(pelvis, (106, 144), (73, 144), (63, 145)),
            new Limb(pelvis, (110, 144), (77, 144), (67, 145)));

        var forward = OnAllFours(head: (166, 89), neck: (154, 97), mid: (134, 108), pelvis: (115, 111));
        var back = OnAllFours(head: (127, 114), neck: (131, 100), mid: (114, 97), pelvis: (88, 118));
        return new("quadruped-thoracic-mobilisations", Mat,
            Start: new(forward.Move((4, 0)), Part.Spine),
            End: new(back.Move((4, 0)), Part.Spine, Arrow.Curve((128, 84), (112, 77), (96, 83))));
    }

    private static Exercise CatCow() => new("cat-cow", Mat,
        Start: new(AllFours(mid: (112, 89), head: (139, 110)).Move((20, 0)), Part.Spine),
        End: new(AllFours(mid: (112, 113), head: (145, 83)).Move((20, 0)), Part.Spine, Arrow.Curve((132, 74), (130, 86), (132, 98))));

    private static Exercise PelvicTilts()
    {
        // Arms long on the mat beside the body, so the mat line runs under the back: START, the lower back
        // arched up off the mat with the pelvis down; END, the lower back pressed flat and the pelvis curled
        // up off the mat (both a little exaggerated so they read at card size).
        static Pose Lying(P mid, P pelvis) => OnBack(mid, pelvis) with
        {
            ArmNear = new Limb((62, 142), (85, 144), (106, 144)),
            ArmFar = new Limb((62, 142), (83, 144), (103, 144)),
        };

        return new("pelvic-tilts", Mat,
            Start: new(Lying(mid: (85, 132), pelvis: (106, 143)).Move((12, 0)), Part.LowerSpine),
            End: new(Lying(mid: (85, 143), pelvis: (106, 138)).Move((12, 0)), Part.LowerSpine, Arrow.Curve((116, 124), (106, 116), (94, 120))));
    }

    private static Exercise KneeToChest()
    {
        // The feet stand a little further out than in OnBack, so the other knee sits low, clear of the hugged leg.
        // END: one thigh drawn up toward the chest with the shin folded back toward the hips, and both arms
        // reaching from the shoulders to hold the shin just below the knee (the far hand behind it).
        var pelvis = new P(106, 143);
        var start = OnBack(mid: (84, 143), pelvis: pelvis) with
        {
            LegNear = Body.Leg(pelvis, (164, 142), (130, 100), (174, 144)),
            LegFar = Body.Leg(pelvis, (160, 142), (126, 100), (170, 144)),
        };
        // The thigh drawn in over the belly with the knee close over the chest, the shin angled up; both hands hold
        // the leg at the knee, the arms foreshortened (their elbows point out to the sides, toward us).
        var knee = pelvis + (34 * Math.Cos(207 * Math.PI / 180), 34 * Math.Sin(207 * Math.PI / 180));
        var ankle = knee + (33 * Math.Cos(-48 * Math.PI / 180), 33 * Math.Sin(-48 * Math.PI / 180));
        static Limb Reach(P hand) => new((62, 142), ((62, 142) + hand) * 0.5, hand);
        var end = start with
        {
            ArmNear = Reach(knee + (3, -1)),
            ArmFar = Reach(knee + (1, 1)),
            LegNear = new Limb(pelvis, knee, ankle, ankle + (7, -1)),
        };
        return new("knee-to-chest", Mat,
            Start: new(start.Move((12, 0)), Part.LegNear),
            End: new(end.Move((12, 0)), Part.LegNear, Arrow.Curve((132, 104), (116, 92), (100, 100))));
    }

    private static Exercise HipCircles()
    {
        var stand = new Pose((120, 21), (120, 36), (120, 57), (120, 78),
            Body.Arm((104, 39), (109, 79), (90, 60)),
            Body.Arm((136, 39), (131, 79), (150, 60)),
            Body.Leg((111, 78), (108, 141), (100, 110), (103, 144)),
            Body.Leg((129, 78), (132, 141), (140, 110), (137, 144))) { Front = true };
        var shifted = new Pose((118, 22), (120, 37), (125, 59), (130, 80),
            Body.Arm((104, 39), (119, 81), (92, 62)),
            Body.Arm((136, 38), (141, 81), (158, 62)),
            Body.Leg((121, 80), (108, 141), (104, 110), (103, 144)),
            Body.Leg((139, 80), (132, 141), (146, 110), (137, 144))) { Front = true };
        return new("hip-circles", Floor,
            Start: new(stand, Part.Hips | Part.LowerSpine),
            End: new(shifted, Part.Hips | Part.LowerSpine, Arrow.Around((126, 81), 30, 9, 150, 250)));
    }

    private static Exercise PigeonPose()
    {
        var start = AllFours(mid: (112, 103), head: (146, 90));
        // Hands where they were. The front leg folded under the chest, knee forward, shin across the mat toward the
        // other hip (seen end-on, so short); the back leg long on the mat behind; the chest leaning forward over
        // the front leg on straight arms. The long back leg is the near one, so the clearest line shows it.
        var end = new Pose((134, 87), (124, 97), (110, 111), (97, 126),
            Body.Arm((124, 99), (132, 144), (146, 120)),
            Body.Arm((124, 99), (137, 144), (150, 120)),
            Body.Leg((97, 127), (32, 144), (64, 150), (23, 145)),
            new Limb((97, 127), (120, 142), (101, 144)));
        return new("pigeon-pose", Mat,
            Start: new(start.Move((30, 0)), Part.Legs),
            End: new(end.Move((30, 0)), Part.Legs));
    }

    private static Exercise SquatHold()
    {
        var stand = new Pose((120, 20), (116, 34), (115, 55), (113, 75),
            Body.Arm((116, 37), (124, 82), (112, 62)),
            Body.Arm((116, 37), (128, 81), (116, 62)),
            Body.Leg((113, 75), (113, 141), (125, 108), (124, 144)),
            Body.Leg((113, 75), (117, 141), (129, 108), (128, 144)));
        var squat = new Pose((125, 72), (118, 86), (108, 105), (101, 124),
            Body.Arm((118, 88), (162, 86), (140, 70)),
            Body.Arm((118, 88), (164, 90), (140, 74)),
            Body.Leg((101, 124), (113, 141), (140, 110), (124, 144)),
            Body.Leg((101, 124), (117, 141), (144, 110), (128, 144)));
        return new("squat-hold", Floor,
            Start: new(stand, Part.Legs),
            End: new(squat, Part.Legs, Arrow.Curve((74, 80), (72, 96), (74, 112))));
    }

    private static Exercise SeatedSpinalTwist()
    {
        // START: sitting tall, legs long, both hands on the mat just behind the hips, where the near one stays.
        var start = SittingLong((90, 83), (88, 98), (87, 118), (86, 139),
            Body.Arm((88, 101), (73, 144), (66, 122)),
            Body.Arm((88, 101), (76.5, 145), (70, 122)));
        // Near knee bent and crossed, foot flat; chest turned toward it (shoulders seen square-on),
        // near hand on the floor behind, far elbow hooked outside the bent knee, looking back.
        var end = start with
        {
            Head = (85, 84),
            ArmNear = Body.Arm((79, 100), (62, 143), (64, 120)),
            ArmFar = new Limb((97, 99), (114, 113), (117, 92)),
            LegNear = Body.Leg((86, 139), (124, 142), (110, 100), (134, 144)),
        };
        return new("seated-spinal-twist", Mat,
            Start: new(start.Move((10, 0)), Part.Spine | Part.Shoulders),
            End: new(end.Move((10, 0)), Part.Spine | Part.Shoulders, Arrow.Curve((106, 72), (94, 66), (80, 70))));
    }

    private static Exercise CobraPose()
    {
        var prone = new Pose((164, 138), (148, 143), (127, 143), (106, 143),
            Body.Arm((147, 141), (156, 144), (134, 118)),
            Body.Arm((147, 141), (160, 144), (138, 118)),
            Body.Leg((106, 143), (40, 143), (73, 150), (30, 145)),
            Body.Leg((106, 143), (39, 143), (77, 150), (29, 145)));
        var lifted = prone with
        {
            Head = (146, 100),
            Neck = (138, 113),
            Mid = (126, 135),
            ArmNear = Body.Arm((138, 115), (156, 144), (128, 134)),
            ArmFar = Body.Arm((138, 115), (160, 144), (132, 134)),
        };
        return new("cobra-pose", Mat,
            Start: new(prone.Move((20, 0)), Part.Spine),
            End: new(lifted.Move((20, 0)), Part.Spine, Arrow.Curve((182, 122), (184, 106), (178, 92))));
    }

    private static Exercise ChildsPose()
    {
        var start = AllFours(mid: (112, 103), head: (146, 90));
        var rest = new Pose((112, 138), (100, 131), (82, 118), (64, 129),
            Body.Arm((100, 133), (146, 144), (124, 130)),
            Body.Arm((100, 133), (150, 144), (128, 130)),
            Body.Leg((64, 129), (58, 144), (92, 150), (48, 145)),
            Body.Leg((64, 129), (63, 144), (97, 150), (53, 145)));
        return new("childs-pose", Mat,
            Start: new(start.Move((18, 0)), Part.Spine),
            End: new(rest.Move((18, 0)), Part.Spine, Arrow.Curve((96, 100), (84, 98), (72, 104))));
    }

    private static Exercise SeatedSpinalRolls()
    {
        var tall = SittingLong((92, 83), (88, 98), (87, 118), (86, 139),
            Body.Arm((88, 101), (133, 104), (110, 90)),
            Body.Arm((88, 101), (135, 100), (112, 86)));
        var rolled = SittingLong((74, 95), (64, 107), (72, 128), (88, 140),
            Body.Arm((66, 109), (110, 100), (88, 92)),
            Body.Arm((66, 109), (112, 96), (90, 88)));
        return new("seated-spinal-rolls", Mat,
            Start: new(tall.Move((26, 0)), Part.Spine),
            End: new(rolled.Move((26, 0)), Part.Spine, Arrow.Curve((74, 82), (62, 88), (58, 102))));
    }

    private static Exercise AnkleCircles()
    {
        var down = SeatedSide(head: (101, 53));
        var toesUp = down with { LegNear = Body.Leg((96, 110), (154, 124), (126, 96), (160, 115)) };
        var toesDown = down with { LegNear = Body.Leg((96, 110), (154, 124), (126, 96), (162, 131)) };
        return new("ankle-circles", SideChair,
            Start: new(toesUp, Part.LegNear),
            End: new(toesDown, Part.LegNear, Arrow.Around((156, 124), 14, 14, 250, 290)));
    }
}
