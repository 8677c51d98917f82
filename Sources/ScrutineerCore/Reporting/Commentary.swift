/// What the measure's owner says about it for one reporting period: what is being done where it
/// is off track (PRODUCT.md R2). Each change is a new version; earlier versions are kept.
public struct Commentary: Sendable, Hashable, Codable {
    public var committeeCode: String
    public var measureCode: String
    /// The reporting period it speaks to ("2026/27 Q2").
    public var periodLabel: String
    /// Plain text; paragraphs separated by a blank line.
    public var text: String
    /// The longest commentary the site takes: a page of explanation and plan, not a report.
    public static let longestText = 20_000
    /// Who wrote it, as they signed in or as the import named them.
    public var author: String
    /// When: ISO 8601, UTC.
    public var writtenAt: String
    /// 1 for the first, then 2, 3…
    public var version: Int

    /// Commentary as written.
    public init(committeeCode: String, measureCode: String, periodLabel: String, text: String, author: String, writtenAt: String = "", version: Int = 0) {
        self.committeeCode = committeeCode
        self.measureCode = measureCode
        self.periodLabel = periodLabel
        self.text = text
        self.author = author
        self.writtenAt = writtenAt
        self.version = version
    }
}
