import ScrutineerCore

/// Reads the words that options, mapping files and publications use for a measure's polarity,
/// unit and year type.
public enum MeasureText {
    /// `high`, `High is good`, `highIsGood`, `RAG - High is good` ⇒ high is good; the same with
    /// `low`; `-`, `none`, `no judgement`, `noJudgement`, `not applicable`, `BlueOrangeBlue` ⇒ no
    /// judgement; nil for blank or anything else.
    public static func polarity(_ text: String) -> Polarity? {
        var words = ImportText.trimmed(text).lowercased()
        if words.hasPrefix("rag - ") { words.removeFirst(6) }
        switch words {
        case "high", "high is good", "highisgood", "higher is better": return .highIsGood
        case "low", "low is good", "lowisgood", "lower is better": return .lowIsGood
        case "-", "none", "no judgement", "nojudgement", "not applicable", "n/a", "blueorangeblue": return .noJudgement
        default: return nil
        }
    }

    /// A unit code (`percentage`, `rate:10000`, `count`, `days`, `weeks`, `money`, `number`),
    /// `%`, or `rate per 10,000`; nil for anything else.
    public static func unit(_ text: String) -> MeasureUnit? {
        let trimmed = ImportText.trimmed(text)
        if trimmed == "%" { return .percentage }
        if let unit = MeasureUnit(code: trimmed) { return unit }
        let lowered = trimmed.lowercased()
        if lowered.hasPrefix("rate per "), let per = Int(lowered.dropFirst(9).filter { $0 != "," }), per > 0 { return .rate(per: per) }
        return nil
    }

    /// A year type by its name as the help and the local template write it (`financial`,
    /// `academic`, `calendar`, `year-ending-september`), its code (`yearEndingSeptember`) or its
    /// LAIT name (`Financial Year`, `Annual (end of Sept)`…); nil for anything else.
    public static func yearType(_ text: String) -> YearType? {
        let trimmed = ImportText.trimmed(text)
        if trimmed == "year-ending-september" { return .yearEndingSeptember }
        return YearType(rawValue: trimmed) ?? YearType(laitName: trimmed)
    }

    /// The unit a measure's title implies, the rule for LAIT's dictionary, which states no unit:
    /// a title containing `%`, "percentage" or "proportion" is a percentage; one containing
    /// "rate per N" or "rates per N" (N such as 10,000) is a rate per N; anything else (including
    /// "Average number …") is a plain number. Words match in any case.
    public static func unit(fromTitle title: String) -> MeasureUnit {
        let lowered = title.lowercased()
        if lowered.contains("%") || lowered.contains("percentage") || lowered.contains("proportion") { return .percentage }
        for phrase in ["rates per ", "rate per "] {
            guard let range = lowered.range(of: phrase) else { continue }
            let digits = lowered[range.upperBound...].prefix { $0.isNumber || $0 == "," }.filter { $0 != "," }
            if let per = Int(digits), per > 0 { return .rate(per: per) }
        }
        return .number
    }
}
