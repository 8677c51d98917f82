/// Words shared by the assessment's reasons: how numbers, polarity and withheld figures are said.
enum AssessmentWording {
    static let smallNumbers = ["none", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]

    /// Whole numbers below 10 as words ("none" for 0, "one" … "nine"), 10 and above as digits, as the
    /// minutes write them ("of the 22 key business measures … two static and four declining").
    static func count(_ n: Int) -> String {
        (0..<10).contains(n) ? smallNumbers[n] : String(n)
    }

    /// "higher is better", "lower is better" or "no better or worse direction".
    static func polarityPhrase(_ polarity: Polarity) -> String {
        switch polarity {
        case .highIsGood: "higher is better"
        case .lowIsGood: "lower is better"
        case .noJudgement: "no better or worse direction"
        }
    }

    /// The words for a figure withheld from the public.
    static let withheldFigure = "a figure withheld to protect individuals"

    /// A value as the report says it: "61.2%", "completed"/"not completed" for a milestone, or the
    /// withheld wording when nil.
    static func value(_ value: Double?, format: ValueFormat, isMilestone: Bool) -> String {
        guard let value else { return withheldFigure }
        if isMilestone { return value >= 1 ? "completed" : "not completed" }
        return format.text(value)
    }

    /// "local target", "national target", "statutory target", "trajectory target".
    static func targetKind(_ kind: TargetKind) -> String {
        "\(kind.rawValue) target"
    }

    /// "a" or "an" for the word that follows.
    static func article(before word: String) -> String {
        guard let first = word.lowercased().first else { return "a" }
        return "aeiou".contains(first) ? "an" : "a"
    }
}
