/// The assessment's rules in one place: what each lens decides and the choices Scrutineer made
/// beyond METHODS.md (issue 5). Each rule is implemented and documented on its type.
///
/// - **Input.** `AssessmentData` (one committee) or `AssessmentIndex` (built once; any number of
///   committees or councils). Only figures for periods ending by the reporting period's end and
///   published by `today` count; a later publication of a figure supersedes the earlier once it is
///   published.
/// - **Currency** (`DataCurrency`): current / not due / stale / no data. The publication lag is the
///   measure's, or one period when unknown. Not due is never red.
/// - **Status** (`StatusAssessment`): no data → completed (milestone value 1) → not due → not judged
///   (no direction, or no target in force) → on track / on track within tolerance / not on track
///   against the reported target. Targets in force: valid on the reporting period's last day and,
///   when they name a period, for the judged figure's period; the highest version of each kind.
///   Reported: the measure's `reportAgainst`, else trajectory, local, statutory, national. RAG:
///   green on track or completed, amber within tolerance, red not on track, grey otherwise, always
///   with its words.
/// - **Direction** (`DirectionOfTravel`): by the measure's method against the previous period
///   (default) or the same period last year; simple is static within the tolerance or when the
///   change shows as zero; the statistical methods are static when not significant.
/// - **Benchmarks** (`Benchmarks`): the published England and region figures for the council's
///   latest period (Inner/Outer London, then London), the unweighted statistical-neighbour mean,
///   LAIT rank and band over every local authority with a figure in that period — but only when at
///   least `minimumLocalAuthoritiesRanked` (4) have one: fewer (often only the council's own
///   figure) get no rank, band or bounds, and the reason says how many had a figure — and Fingertips
///   method 1 or 17 against England using published limits or Wilson / exact Poisson / Byar's
///   limits from the counts.
/// - **SPC** (`SPCSummary`): Making Data Count defaults, from `SPCSummary.minimumPoints` (12) figures.
/// - **Disclosure** (`Audience.public`): counts 1–5 and anything derived from them are `c`, with
///   secondary suppression within each single-dimension breakdown (`BreakdownFigure`).
/// - **Headline** (`Headline`): numbers below 10 as words, 10 and over as digits.
/// - **Key** (`Key`): exactly the symbols the measures draw.
public enum AssessmentRules {
    /// The order target kinds are reported in when several apply.
    public static var targetReportingOrder: [TargetKind] { TargetJudgement.defaultReportingOrder }

    /// The fewest local authorities with a figure for a period that are ranked and quartile-banded.
    public static var minimumLocalAuthoritiesRanked: Int { Benchmarks.minimumRankedCount }

    /// The shortest series given an SPC chart.
    public static var spcMinimumPoints: Int { SPCSummary.minimumPoints }

    /// The publication lag assumed for a measure that states none, in days.
    public static func assumedPublicationLagDays(for periodicity: Periodicity) -> Int {
        DataCurrency.assumedLagDays(for: periodicity)
    }
}
