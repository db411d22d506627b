namespace SpineMobility.Web.Features.Exercises;

// The catalog's closed vocabularies. Their kebab-case tags ("full-body", "lying-on-back") are what
// content files, URLs and the API use; see Tag.

public enum Region { Cervical, Thoracic, Lumbar, Hip, FullBody, Beginner }

public enum StartingPosition { Standing, Seated, LyingOnBack, LyingOnFront, AllFours, Kneeling }

public enum Equipment { None, FoamRollerOrBall, Mat, Wall, Chair }

public enum MovementDirection { Flexion, Extension, Rotation, SideBend }

public enum SessionPhase { WarmUp, Mobility, Flexibility, CoolDown }

public enum Intensity { Gentle, Moderate }

public enum DoseKind { Hold, Reps }
