/// Everything a council sets up for a committee's report, kept as one document: the committee
/// and its themes, how each measure is judged, and its targets (PRODUCT.md R1–R4). Written by
/// `scrutineer committee add FILE.json`, read by the pack and the web pages.
public struct CommitteeDefinition: Sendable, Hashable, Codable {
    public var committee: Committee
    /// Per-measure choices (direction basis, static tolerance, milestone, target reported against).
    public var settings: [MeasureAssessmentSettings]
    /// Targets to record (each becomes a new version when it differs from the one stored).
    public var targets: [Target]

    public init(committee: Committee, settings: [MeasureAssessmentSettings] = [], targets: [Target] = []) {
        self.committee = committee
        self.settings = settings
        self.targets = targets
    }

    /// A definition file may leave out `settings` and `targets` (none).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        committee = try container.decode(Committee.self, forKey: .committee)
        settings = try container.decodeIfPresent([MeasureAssessmentSettings].self, forKey: .settings) ?? []
        targets = try container.decodeIfPresent([Target].self, forKey: .targets) ?? []
    }
}
