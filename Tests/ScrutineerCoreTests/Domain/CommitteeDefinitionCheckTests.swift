import Foundation
@testable import ScrutineerCore
import Testing

/// A committee definition file (`scrutineer committee add FILE.json`) is read field by field and
/// checked before anything is stored: every problem named by where it is in the file, and what
/// the file means stored in one form (found by exploratory testing of a council's first setup).
@Suite struct CommitteeDefinitionCheckTests {
    static let measures: [String: Measure] = [
        "EH": Build.percentage("EH"),
        "CIN": Build.percentage("CIN", polarity: .noJudgement, periodicity: .annual),
    ]

    static func definition(themes: String = #"[{"name": "Early help", "measureCodes": ["EH", "CIN"]}]"#, council: String = "E08000035", rest: String = "") -> Data {
        Data(#"{"committee": {"code": "LEEDS-CYP", "name": "Children and Young People", "councilAreaCode": "\#(council)", "themes": \#(themes)}\#(rest)}"#.utf8)
    }

    /// A target of EH as JSON: a local 85 from 2026-04-01, with `fields` (raw JSON values) in place
    /// of those and added; a nil value leaves a field out.
    static func target(_ fields: KeyValuePairs<String, String?> = [:]) -> String {
        var values: [(String, String?)] = [
            ("measureCode", #""EH""#), ("kind", #""local""#), ("value", "85"), ("validFrom", #""2026-04-01""#),
            ("setBy", #""Head of Early Help""#), ("setOn", #""2026-03-01""#), ("reason", #""Plan""#),
        ]
        for (key, value) in fields {
            if let i = values.firstIndex(where: { $0.0 == key }) { values[i].1 = value } else { values.append((key, value)) }
        }
        return "{" + values.compactMap { key, value in value.map { "\"\(key)\": \($0)" } }.joined(separator: ", ") + "}"
    }

    static func problems(_ data: Data) -> [String] {
        do {
            _ = try CommitteeDefinition.decode(data).checked(measures: measures) { $0 == "E08000035" }
            return []
        } catch {
            return error.problems
        }
    }

    @Test("The fields a file may have are exactly those a definition is stored with, every one filled")
    func knownKeysMatchTheStoredForm() throws {
        let target = Target(
            measureCode: "EH", councilAreaCode: "E08000035", kind: .trajectory, value: 85, tolerance: 2, periodLabel: "2026/27 Q2",
            validFrom: try Build.date("2026-04-01"), validTo: try Build.date("2027-03-31"), setBy: "Head of Early Help",
            setOn: try Build.date("2026-03-01"), reason: "Plan", decision: "Cabinet minute 12", version: 2
        )
        let definition = CommitteeDefinition(
            committee: Committee(code: "C", name: "N", councilAreaCode: "E08000035", themes: [CommitteeTheme(name: "T", owner: "O", measureCodes: ["EH"])]),
            settings: [MeasureAssessmentSettings(measureCode: "EH", directionBasis: .samePeriodLastYear, staticTolerance: 1, isMilestone: true, reportAgainst: .local)],
            targets: [target]
        )
        let json = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(definition)) as? [String: Any])
        let committee = try #require(json["committee"] as? [String: Any])
        func keys(_ object: Any?) -> Set<String> { Set((object as? [String: Any])?.keys.map { $0 } ?? []) }
        #expect(Set(json.keys) == CommitteeDefinition.knownKeys["definition"])
        #expect(Set(committee.keys) == CommitteeDefinition.knownKeys["committee"])
        #expect(keys((committee["themes"] as? [Any])?.first) == CommitteeDefinition.knownKeys["theme"])
        #expect(keys((json["settings"] as? [Any])?.first) == CommitteeDefinition.knownKeys["setting"])
        #expect(keys((json["targets"] as? [Any])?.first) == CommitteeDefinition.knownKeys["target"])
    }

    @Test("The fields a file may leave out take their defaults: no settings, no targets, the measure nouns")
    func defaults() throws {
        let definition = try CommitteeDefinition.decode(Self.definition(rest: #", "settings": [{"measureCode": "EH"}]"#))
        #expect(definition.targets.isEmpty)
        #expect(definition.committee.measureNoun == "key business measures")
        #expect(definition.settings == [MeasureAssessmentSettings(measureCode: "EH")])
    }

    @Test("A misspelt field is refused, naming it and the fields there are, rather than passed over")
    func unknownField() {
        let problems = Self.problems(Self.definition(rest: #", "targets": [\#(Self.target(["tolerence": "2"]))]"#))
        #expect(problems == ["targets[0].tolerence: not a field of a target (expected one of councilAreaCode, decision, kind, measureCode, periodLabel, reason, setBy, setOn, tolerance, validFrom, validTo, value, version)"])
    }

    @Test("A field of the wrong kind says what it holds: the kinds of target, a number, a date")
    func wrongValues() {
        #expect(Self.problems(Self.definition(rest: #", "targets": [\#(Self.target(["kind": #""statutary""#]))]"#))
            == ["targets[0].kind: not what this field holds (expected one of local, national, statutory, trajectory)"])
        #expect(Self.problems(Self.definition(rest: #", "targets": [\#(Self.target(["tolerance": #""2""#]))]"#))
            == ["targets[0].tolerance: not what this field holds (expected a number)"])
        #expect(Self.problems(Self.definition(rest: #", "targets": [\#(Self.target(["validTo": #""31/03/2027""#]))]"#))
            == ["targets[0].validTo: not what this field holds (expected a date written YYYY-MM-DD)"])
    }

    @Test("Every malformed setting and target is named at once, not the first alone (found by exploratory testing)")
    func everyMalformedPart() {
        let targets = [Self.target(["kind": #""statutary""#]), Self.target([:]), Self.target(["validTo": #""31/03/2027""#])].joined(separator: ", ")
        let problems = Self.problems(Self.definition(rest: #", "settings": [{"measureCode": "EH", "staticTolerance": "2"}], "targets": [\#(targets)]"#))
        #expect(problems == [
            "settings[0].staticTolerance: not what this field holds (expected a number)",
            "targets[0].kind: not what this field holds (expected one of local, national, statutory, trajectory)",
            "targets[2].validTo: not what this field holds (expected a date written YYYY-MM-DD)",
        ])
        // A list that is not one is named as such.
        #expect(Self.problems(Self.definition(rest: #", "targets": {"measureCode": "EH"}"#)) == ["targets: not what this field holds (expected a list in [ ])"])
    }

    @Test("Broken JSON is named by line and column")
    func syntax() {
        let data = Data("{\n  \"committee\": {\n    \"code\": NaN\n  }\n}".utf8)
        let problems = Self.problems(data)
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("not valid JSON (") == true && problems.first?.hasSuffix(" at line 3, column 13)") == true, "\(problems)")
    }

    @Test("Every problem at once: a measure listed twice, two themes at one address or a theme with none, an unknown council, a trajectory with no period or the wrong kind of period, an end before the start, a negative tolerance, a percentage over 100, a target or settings for a measure the committee does not report")
    func everyProblem() {
        let targets = [
            Self.target(["kind": #""trajectory""#]),
            Self.target(["kind": #""trajectory""#, "periodLabel": #""2026""#, "version": "2"]),
            Self.target(["validTo": #""2026-03-31""#, "tolerance": "-2"]),
            Self.target(["value": "150", "validFrom": #""2027-04-01""#]),
            Self.target(["value": "86"]),
            Self.target(["measureCode": #""OTHER""#, "setBy": #"" ""#]),
        ]
        let data = Self.definition(
            themes: #"[{"name": "Early help", "measureCodes": ["EH", "CIN"]}, {"name": "Social care", "measureCodes": ["CIN"]}, {"name": "Early Help!", "measureCodes": ["Z"]}, {"name": " – ", "measureCodes": ["Y"]}]"#, council: "E12000003",
            rest: #", "settings": [{"measureCode": "OTHER"}], "targets": [\#(targets.joined(separator: ", "))]"#
        )
        #expect(Self.problems(data) == [
            #"committee.councilAreaCode: "E12000003" is not a council Scrutineer holds (expected the council's ONS code, such as E10000031, imported with scrutineer import areas)"#,
            #"committee.themes[1] ("Social care"): measure CIN is listed also in committee.themes[0] ("Early help") (expected each measure once)"#,
            #"committee.themes[2] ("Early Help!"): its page's address, early-help, is committee.themes[0]'s ("Early help") too (expected theme names that differ in their letters or digits)"#,
            #"committee.themes[3] (" – "): a name with no letters or digits (expected a name such as Early Help, from which its page's address is made)"#,
            "settings[0] (OTHER): not one of the committee's measures (expected settings for a measure in its themes)",
            "targets[0] (EH, trajectory).periodLabel: missing (expected the period a trajectory value is for, such as 2026/27 Q2)",
            "targets[1] (EH, trajectory).periodLabel: 2026 is a year, and EH's figures are quarterly (expected a period such as its figures have)",
            "targets[2] (EH, local).validTo: 2026-03-31 is before validFrom 2026-04-01 (expected the last day the target applies, on or after its first)",
            "targets[2] (EH, local).tolerance: -2 is negative (expected 0 or more, in the measure's unit, or no tolerance)",
            "targets[3] (EH, local).value: 150 is not a percentage (expected 0 to 100)",
            "targets[5] (OTHER, local): not one of the committee's measures (expected a target for a measure in its themes)",
            "targets[5] (OTHER, local).setBy: blank (expected who set the target)",
        ])
    }

    @Test("Stored in one form: a trajectory's period as Scrutineer writes it; two values of a target from one day (a correction) are kept in the file's order")
    func storedForm() throws {
        let targets = [
            Self.target(["value": "80", "validFrom": #""2027-04-01""#]),
            Self.target(["kind": #""trajectory""#, "periodLabel": #""Q2 2026/27""#]),
            Self.target(["value": "75", "validFrom": #""2025-04-01""#]),
        ]
        let definition = try CommitteeDefinition.decode(Self.definition(rest: #", "targets": [\#(targets.joined(separator: ", "))]"#))
            .checked(measures: Self.measures) { $0 == "E08000035" }
        #expect(definition.targets.map(\.value) == [80, 85, 75])
        #expect(definition.targets.map(\.periodLabel) == [nil, "2026/27 Q2", nil])
    }

    @Test("The public sees a target version once a published report's period has reached its first day, and not when the next one starts, even where the next starts the day after the last reported")
    func publicTargets() throws {
        let limit = try Build.date("2026-09-30")
        let current = try Build.target("EH", .local, 12, from: "2022-10-01", to: "2027-04-01")
        let next = try Build.target("EH", .local, 6, from: "2027-04-01", version: 2)
        let closed = try Build.target("EH", .local, 14, from: "2020-04-01", to: "2022-10-01")
        #expect(current.seenPublicly(through: limit)?.validTo == nil)
        #expect(current.seenPublicly(through: limit)?.value == 12)
        #expect(next.seenPublicly(through: limit) == nil)
        #expect(closed.seenPublicly(through: limit) == closed)
        // Ending on the last day reported (the next from 1 October, unseen): the end would name
        // the next version's first day, so it is left out too; a day earlier, it is history.
        let quarterEnd = try Build.target("EH", .local, 12, from: "2024-04-01", to: "2026-09-30")
        #expect(quarterEnd.seenPublicly(through: limit)?.validTo == nil)
        let endedBefore = try Build.target("EH", .local, 12, from: "2024-04-01", to: "2026-09-29")
        #expect(endedBefore.seenPublicly(through: limit)?.validTo == (try Build.date("2026-09-29")))
    }
}
