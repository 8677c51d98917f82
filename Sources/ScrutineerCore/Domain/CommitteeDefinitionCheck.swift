import Foundation

/// Every problem found in a committee definition file, each naming where it is (`targets[3]`,
/// `committee.themes[1]`) and what was expected. Nothing is stored while there is one.
public struct CommitteeDefinitionProblems: Error, Sendable, Equatable, CustomStringConvertible {
    public var problems: [String]

    public init(_ problems: [String]) {
        self.problems = problems
    }

    /// One problem a line.
    public var description: String { problems.joined(separator: "\n") }
}

extension CommitteeDefinition {
    /// The keys each object of a definition file may have. A key outside them (`"tolerence"`) is
    /// refused rather than passed over, as a misspelt field would otherwise be lost without a word.
    static let knownKeys: [String: Set<String>] = [
        "definition": ["committee", "settings", "targets"],
        "committee": ["code", "name", "councilAreaCode", "themes", "measureNoun", "measureNounSingular"],
        "theme": ["name", "owner", "measureCodes"],
        "setting": ["measureCode", "directionBasis", "staticTolerance", "isMilestone", "reportAgainst"],
        "target": [
            "measureCode", "councilAreaCode", "kind", "value", "tolerance", "periodLabel", "validFrom", "validTo",
            "setBy", "setOn", "reason", "decision", "version",
        ],
    ]

    /// Reads a definition file (JSON): every key checked against the fields a definition has, then
    /// decoded, with a problem naming the field and what was expected.
    public static func decode(_ data: Data) throws(CommitteeDefinitionProblems) -> CommitteeDefinition {
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw CommitteeDefinitionProblems(["not valid JSON (\(jsonSyntaxProblem(error, in: data)))"])
        }
        var problems: [String] = []
        func check(_ object: Any?, _ kind: String, at path: String) {
            guard let object = object as? [String: Any], let known = knownKeys[kind] else { return }
            for key in object.keys.sorted() where !known.contains(key) {
                let name = path.isEmpty ? key : "\(path).\(key)"
                problems.append("\(name): not a field of a \(kind == "definition" ? "committee definition" : kind) (expected one of \(known.sorted().joined(separator: ", ")))")
            }
        }
        check(json, "definition", at: "")
        let top = json as? [String: Any]
        check(top?["committee"], "committee", at: "committee")
        for (i, theme) in ((top?["committee"] as? [String: Any])?["themes"] as? [Any] ?? []).enumerated() {
            check(theme, "theme", at: "committee.themes[\(i)]")
        }
        for (i, setting) in (top?["settings"] as? [Any] ?? []).enumerated() { check(setting, "setting", at: "settings[\(i)]") }
        for (i, target) in (top?["targets"] as? [Any] ?? []).enumerated() { check(target, "target", at: "targets[\(i)]") }
        if !problems.isEmpty { throw CommitteeDefinitionProblems(problems) }
        let parts: DefinitionParts
        do {
            parts = try JSONDecoder().decode(DefinitionParts.self, from: data)
        } catch {
            throw CommitteeDefinitionProblems([decodingProblem(error)])
        }
        return try parts.definition()
    }

    /// One part of a definition file decoded, or why it could not be: each setting and target is
    /// decoded on its own, so a file with several malformed ones has each named at once, not the
    /// first alone (found by exploratory testing).
    private struct Attempt<Value: Decodable>: Decodable {
        let outcome: Result<Value, any Error>

        init(from decoder: any Decoder) throws {
            do {
                outcome = .success(try Value(from: decoder))
            } catch {
                outcome = .failure(error)
            }
        }
    }

    /// A definition file as its parts (`CommitteeDefinition`'s fields), each decoded on its own.
    private struct DefinitionParts: Decodable {
        var committee: Attempt<Committee>
        var settings: Attempt<[Attempt<MeasureAssessmentSettings>]>?
        var targets: Attempt<[Attempt<Target>]>?

        /// The definition, or every part's problem.
        func definition() throws(CommitteeDefinitionProblems) -> CommitteeDefinition {
            var problems: [String] = []
            func value<Value>(_ attempt: Attempt<Value>) -> Value? {
                switch attempt.outcome {
                case let .success(value): return value
                case let .failure(error): problems.append(CommitteeDefinition.decodingProblem(error)); return nil
                }
            }
            func values<Value>(_ list: Attempt<[Attempt<Value>]>?) -> [Value] {
                guard let list, let attempts = value(list) else { return [] }
                return attempts.compactMap(value)
            }
            let committee = value(self.committee)
            let settings = values(self.settings), targets = values(self.targets)
            guard let committee, problems.isEmpty else { throw CommitteeDefinitionProblems(problems) }
            return CommitteeDefinition(committee: committee, settings: settings, targets: targets)
        }
    }

    /// Where the JSON's syntax breaks, as Foundation says it, with "around character 324" given
    /// as the line and column an editor shows.
    static func jsonSyntaxProblem(_ error: any Error, in data: Data) -> String {
        let info = (error as NSError).userInfo
        var detail = (info[NSDebugDescriptionErrorKey] as? String) ?? (error as NSError).localizedDescription
        if let range = detail.range(of: "around character "),
           let offset = Int(detail[range.upperBound...].prefix { $0.isNumber }) {
            let before = data.prefix(offset)
            let line = 1 + before.count { $0 == 0x0A }
            let column = 1 + (before.lastIndex(of: 0x0A).map { before.distance(from: $0, to: before.endIndex) - 1 } ?? before.count)
            detail = detail[..<range.lowerBound].trimmingCharacters(in: .whitespaces) + " at line \(line), column \(column)"
        }
        if detail.hasSuffix(".") { detail.removeLast() }
        return detail.isEmpty ? "the text is not JSON" : detail
    }

    /// A decoding error as the field it is about and what was expected there.
    fileprivate static func decodingProblem(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().drop { $0 == "." }.description
        }
        func place(_ context: DecodingError.Context) -> String {
            let at = path(context)
            return at.isEmpty ? "the file" : at
        }
        func expected(_ context: DecodingError.Context, _ type: Any.Type? = nil) -> String {
            switch context.codingPath.last?.stringValue {
            case "kind", "reportAgainst": "one of \(TargetKind.allCases.map(\.rawValue).joined(separator: ", "))"
            case "directionBasis": "one of \(DirectionBasis.allCases.map(\.rawValue).joined(separator: ", "))"
            case "validFrom", "validTo", "setOn": "a date written YYYY-MM-DD"
            case "version": "a whole number"
            case nil: "a committee definition: an object in { } with committee, settings and targets"
            default:
                switch type {
                case is Double.Type, is Int.Type: "a number"
                case is String.Type: "text in quotes"
                case is Bool.Type: "true or false"
                case .some(let type) where "\(type)".hasPrefix("Array"): "a list in [ ]"
                case .some(let type) where "\(type)".hasPrefix("Dictionary"): "an object in { }"
                default: context.debugDescription
                }
            }
        }
        switch error {
        case let .keyNotFound(key, context):
            let at = path(context)
            return "\(at.isEmpty ? "" : "\(at).")\(key.stringValue): missing (expected the field to be given)"
        case let .typeMismatch(type, context), let .valueNotFound(type, context):
            return "\(place(context)): not what this field holds (expected \(expected(context, type)))"
        case let .dataCorrupted(context):
            return "\(place(context)): not what this field holds (expected \(expected(context)))"
        @unknown default:
            return "\(error)"
        }
    }

    /// The definition as it is stored: trajectory period labels in their standard form (`Q2
    /// 2026/27` is `2026/27 Q2`); or every problem at once. `measures` holds the measures the committee names (the caller refuses
    /// unknown codes first); `isCouncil` says whether an area code is a council Scrutineer holds.
    public func checked(measures: [String: Measure], isCouncil: (String) -> Bool) throws(CommitteeDefinitionProblems) -> CommitteeDefinition {
        var problems: [String] = []
        var definition = self
        let committee = definition.committee
        if committee.code.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("committee.code: blank (expected a short code such as CYP-OSC)") }
        if committee.name.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("committee.name: blank (expected the committee's name)") }
        if !isCouncil(committee.councilAreaCode) {
            problems.append("committee.councilAreaCode: \"\(committee.councilAreaCode)\" is not a council Scrutineer holds (expected the council's ONS code, such as E10000031, imported with scrutineer import areas)")
        }
        if committee.themes.isEmpty { problems.append("committee.themes: none (expected at least one theme with its measureCodes)") }
        var themeOf: [String: Int] = [:]
        var slugs: [String: Int] = [:]
        for (i, theme) in committee.themes.enumerated() {
            // Each theme has a page, at an address made from its name.
            let slug = CommitteeTheme.slug(theme.name)
            if slug.isEmpty {
                problems.append("committee.themes[\(i)] (\"\(theme.name)\"): a name with no letters or digits (expected a name such as Early Help, from which its page's address is made)")
            } else if let first = slugs[slug] {
                problems.append("committee.themes[\(i)] (\"\(theme.name)\"): its page's address, \(slug), is committee.themes[\(first)]'s (\"\(committee.themes[first].name)\") too (expected theme names that differ in their letters or digits)")
            } else {
                slugs[slug] = i
            }
            if theme.measureCodes.isEmpty {
                problems.append("committee.themes[\(i)] (\"\(theme.name)\"): no measures (expected measureCodes listing at least one)")
            }
            for code in theme.measureCodes {
                if let first = themeOf[code] {
                    let place = first == i ? "twice in this theme" : "also in committee.themes[\(first)] (\"\(committee.themes[first].name)\")"
                    problems.append("committee.themes[\(i)] (\"\(theme.name)\"): measure \(code) is listed \(place) (expected each measure once)")
                } else {
                    themeOf[code] = i
                }
            }
        }
        var settingOf: [String: Int] = [:]
        for (i, setting) in settings.enumerated() {
            let at = "settings[\(i)] (\(setting.measureCode))"
            if themeOf[setting.measureCode] == nil { problems.append("\(at): not one of the committee's measures (expected settings for a measure in its themes)") }
            if let first = settingOf[setting.measureCode] { problems.append("\(at): the measure's settings are also settings[\(first)] (expected one entry a measure)") }
            settingOf[setting.measureCode] = i
            if let tolerance = setting.staticTolerance, !(tolerance >= 0) {
                problems.append("\(at).staticTolerance: \(PlainNumber.text(tolerance)) is negative (expected 0 or more, in the measure's unit, or no staticTolerance)")
            }
        }
        for (i, target) in targets.enumerated() {
            let at = "targets[\(i)] (\(target.measureCode), \(target.kind.rawValue))"
            if themeOf[target.measureCode] == nil { problems.append("\(at): not one of the committee's measures (expected a target for a measure in its themes)") }
            if let validTo = target.validTo, validTo < target.validFrom {
                problems.append("\(at).validTo: \(validTo.iso) is before validFrom \(target.validFrom.iso) (expected the last day the target applies, on or after its first)")
            }
            if let tolerance = target.tolerance, !(tolerance >= 0) {
                problems.append("\(at).tolerance: \(PlainNumber.text(tolerance)) is negative (expected 0 or more, in the measure's unit, or no tolerance)")
            }
            if target.setBy.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("\(at).setBy: blank (expected who set the target)") }
            guard let measure = measures[target.measureCode] else { continue }
            if measure.unit == .percentage, !(0...100).contains(target.value) {
                problems.append("\(at).value: \(PlainNumber.text(target.value)) is not a percentage (expected 0 to 100)")
            }
            if let label = target.periodLabel {
                do {
                    let period = try Period.parse(label, yearType: measure.yearType, monthly: measure.periodicity == .monthly)
                    if !measure.periodicity.periodKinds.contains(period.kind) {
                        problems.append("\(at).periodLabel: \(label) is a \(period.kind.words), and \(target.measureCode)'s figures are \(measure.periodicity.rawValue) (expected a period such as its figures have)")
                    } else {
                        definition.targets[i].periodLabel = period.label
                    }
                } catch {
                    problems.append("\(at).periodLabel: \(error.description)")
                }
            } else if target.kind == .trajectory {
                problems.append("\(at).periodLabel: missing (expected the period a trajectory value is for, such as 2026/27 Q2)")
            }
        }
        if !problems.isEmpty { throw CommitteeDefinitionProblems(problems) }
        return definition
    }
}
