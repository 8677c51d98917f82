import ArgumentParser
import Foundation
import ScrutineerCore
import ScrutineerStorage

/// `scrutineer committee add FILE.json`, `scrutineer committee list`, `scrutineer committee
/// sign-off` and `scrutineer committee request …` (RequestCommand).
struct CommitteeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "committee",
        abstract: "Define committees (their themes, measures and targets), sign off their reports and track their requests.",
        subcommands: [Add.self, List.self, SignOff.self, Snapshots.self, RequestCommand.self, RiskCommand.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Store a committee definition (JSON: its fields are in the README, under Committees and the pack; Sources/ScrutineerDemo/DemoData/committees/warwickshire-cyp.json is a whole one). Every field is checked before anything is written; changed targets become new versions."
        )

        @Argument(help: "The committee definition file.")
        var file: String

        @OptionGroup var database: DatabaseOption

        @OptionGroup var audit: AuditUserOption

        func run() async throws {
            guard let data = FileManager.default.contents(atPath: file) else {
                StandardError.write("\(file): cannot be read (no such file, or no permission)\n")
                throw ExitCode(66)
            }
            let definition: CommitteeDefinition
            do {
                definition = try CommitteeDefinition.decode(data)
            } catch {
                StandardError.write(error.problems.map { "\(file): \($0)\n" }.joined())
                throw ExitCode(65)
            }
            try await database.withStore { store in
                let measures = Dictionary(try await store.measures().map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
                let known = Set(measures.keys)
                var unknown: [String] = []
                for code in definition.committee.measureCodes + definition.targets.map(\.measureCode)
                where !known.contains(code) && !unknown.contains(code) {
                    unknown.append(code)
                }
                if !unknown.isEmpty {
                    // A code with a space in it (" CareLeaverAcc") is quoted, so the space shows.
                    let named = unknown.map { $0.isEmpty || $0.contains(where: \.isWhitespace) ? "\"\($0)\"" : $0 }
                    let codes = named.count == 1 ? "measure code \(named[0])" : "measure codes \(named.joined(separator: ", "))"
                    StandardError.write("\(file): unknown \(codes) (expected measures already imported: the national data with scrutineer import lait, ees or fingertips, the council's own with scrutineer import local)\n")
                    throw ExitCode(65)
                }
                let areas = try await store.areas()
                let council = definition.committee.councilAreaCode
                if let current = Area.current(ofFormer: council, in: areas) {
                    StandardError.write("\(file): committee.councilAreaCode: \(Area.formerCodeProblem(council, current: current))\nnothing was written\n")
                    throw ExitCode(65)
                }
                // A council split or merged into others reports to no committee (found by exploratory testing).
                let successions = try await store.areaSuccessions()
                if !successions.serves(council, on: .todayUTC) {
                    let names = Dictionary(areas.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
                    let successors = successions.successors(of: council)
                    let by = successors.map { "\(names[$0.successorCode] ?? $0.successorCode) (\($0.successorCode))" }.joined(separator: " and ")
                    let what = successors.isEmpty
                        ? "begins to serve only on \(successions.predecessors(of: council).map(\.from).min()?.iso ?? "")"
                        : "was succeeded by \(by) on \(successors.map(\.from).min()?.iso ?? "")"
                    StandardError.write("\(file): committee.councilAreaCode: \(names[council] ?? council) (\(council)) \(what) (expected a council serving today)\nnothing was written\n")
                    throw ExitCode(65)
                }
                let councils = Set(areas.filter { $0.type == .localAuthority }.map(\.code))
                let checked: CommitteeDefinition
                do throws(CommitteeDefinitionProblems) {
                    checked = try definition.checked(measures: measures, isCouncil: councils.contains)
                } catch {
                    StandardError.write((error.problems.map { "\(file): \($0)\n" }.joined() + "nothing was written\n"))
                    throw ExitCode(65)
                }
                let save: CommitteeSave
                do {
                    save = try await store.saveCommittee(checked, by: audit.user, file: URL(fileURLWithPath: file).lastPathComponent)
                } catch let error as StoreError {
                    // Refused whole: say why, each refusal naming the file, and exit like bad data.
                    let suffix = "; nothing was written"
                    let lines = error.refusals.map { "\(file): " + ($0.problem.hasSuffix(suffix) ? String($0.problem.dropLast(suffix.count)) : $0.problem) }
                    StandardError.write((lines.joined(separator: "\n") + suffix + "\n"))
                    throw error.exitStatus
                }
                guard !save.changedNothing else {
                    print("Nothing changed: committee \(save.code) is stored as \(file) defines it, with every target version it lists.")
                    return
                }
                let versions = save.newTargetWords
                print("\(save.added ? "Added" : "Saved") committee \(save.code): \(definition.committee.measureCodes.count) measures in \(definition.committee.themes.count) themes, \(definition.targets.count) targets"
                    + (versions.isEmpty ? "; no new target version." : "; \(versions.count == 1 ? "1 new target version" : "\(versions.count) new target versions"):")
                    + versions.map { "\n  \($0)" }.joined()
                )
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the committees defined.")

        @OptionGroup var database: DatabaseOption

        func run() async throws {
            let committees = try await database.withStore(existing: true) { try await $0.committees() }
            for committee in committees {
                print("\(committee.code)\t\(committee.councilAreaCode)\t\(committee.name)")
            }
        }
    }
}

extension CommitteeCommand {
    /// `scrutineer committee sign-off --committee CODE --period LABEL --stage draft|checked|published`.
    struct SignOff: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sign-off",
            abstract: "Move a committee's report for a period to draft, checked or published.",
            discussion: """
            Publishing keeps the report as it stands, judged as on --as-of (default: today): its \
            figures, judgements, commentary and targets for every audience. Its pages, its API answers \
            and its packs then show it as published, whatever changes later, until it is moved back and \
            published again. Every change is audited.
            """
        )

        @OptionGroup var report: ReportOptions

        @Option(help: "The stage: draft, checked or published (a report is published once it has been checked).")
        var stage: StageArgument

        @Option(name: .customLong("as-of"), help: "Publish the report judged as on this date (YYYY-MM-DD; default: today).")
        var asOf: String?

        @OptionGroup var database: DatabaseOption

        @OptionGroup var audit: AuditUserOption

        func validate() throws {
            if asOf != nil && stage != .published { throw ValidationError("--as-of is for publishing (expected --stage published, or no --as-of)") }
        }

        func run() async throws {
            let period = try report.reportingPeriod()
            let today = try ReportOptions.day(asOf)
            let snapshot: ReportSnapshot?
            // The stage before: a stage saved as it stands is left as it was, set by whoever set it.
            var before: ReportPublication?
            do {
                snapshot = try await database.withStore(existing: true) { store -> ReportSnapshot? in
                    let definition = try await report.definition(in: store)
                    before = try await store.publications(committeeCode: definition.committee.code).first { $0.periodLabel == period.label }
                    _ = try await store.moveReport(definition, period: period, to: stage.stage, by: audit.user, today: today)
                    switch stage {
                    case .published: return try await store.reportSnapshot(committeeCode: report.committee, periodLabel: period.label)
                    // Checked, ready to publish: the report as it would be published today, to say beforehand what it will be told then.
                    case .checked: return try await store.reportSnapshot(of: definition, period: period, today: today, by: audit.user)
                    case .draft: return nil
                    }
                }
            } catch let error as StoreError {
                StandardError.write("\(error)\n")
                throw error.exitStatus
            }
            switch stage {
            case .published:
                print("Published the report of \(report.committee) for \(period.label), as it stands judged as on \(today.iso) (snapshot \(snapshot?.version ?? 0)).")
            case .draft, .checked:
                if (before?.stage ?? .draft) == stage.stage {
                    let by = before.map { ", marked by \($0.changedBy) at \($0.changedAt)" } ?? ""
                    print("The report of \(report.committee) for \(period.label) is already \(stage.rawValue)\(by); nothing changed.")
                } else {
                    print("Marked the report of \(report.committee) for \(period.label) \(stage.rawValue).")
                }
            }
            if let snapshot { Self.printFindings(snapshot, published: stage == .published) }
        }

        /// What whoever publishes `snapshot` is told, once it is published or beforehand: the small
        /// counts the public reads differently and the withheld figures it reads as written
        /// (PRODUCT.md R8), so the analyst can reword them, and the measures off track with nothing
        /// said of them, which the committee will ask about (R9).
        static func printFindings(_ snapshot: ReportSnapshot, published: Bool) {
            let found = snapshot.smallCountsInText()
            let counts = found.filter { !$0.isWithheldFigure }, figures = found.filter(\.isWithheldFigure)
            let reads = published ? "The public reads" : "Once published, the public will read"
            if !counts.isEmpty {
                print("\(reads) \(counts.count == 1 ? "one small count" : "\(counts.count) small counts") of children in the text as \"a small number of\" them:")
                for count in counts { print("  \(count.place): \"\(count.phrase)\"") }
            }
            if let judged = snapshot.assessment(for: .officer) ?? snapshot.assessment(for: .member) {
                let uncommented = judged.offTrackWithoutCommentary(snapshot.commentary)
                if !uncommented.isEmpty {
                    print("\(uncommented.count == 1 ? "One measure is" : "\(uncommented.count) measures are") not on track with no commentary to say why and what is being done:")
                    for m in uncommented { print("  \(m.measure.code): \(m.measure.title)\(m.status.offTrackNote)") }
                }
            }
            if !figures.isEmpty {
                let one = figures.count == 1
                print("\(reads) \(one ? "this number" : "these numbers") in the commentary as written, though \(one ? "it is one of the measure's figures" : "each is one of its measure's figures") that the public's report withholds; reword \(one ? "it" : "them") \(published ? "and publish again" : "before publishing"):")
                for figure in figures { print("  \(figure.place): \"\(figure.phrase)\"") }
            }
        }
    }

    /// `scrutineer committee snapshots --committee CODE --period LABEL`.
    struct Snapshots: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List each publication of a committee's report for a period: its snapshot number, when and by whom.",
            discussion: """
            Prints a tab-separated line per snapshot, oldest first: the number, the time it was \
            published (ISO 8601, UTC) and who published it. scrutineer pack --snapshot N builds the \
            pack as that publication stood. Nothing is printed for a report never published.
            """
        )

        @OptionGroup var report: ReportOptions

        @OptionGroup var database: DatabaseOption

        func run() async throws {
            let period = try report.reportingPeriod()
            let versions = try await database.withStore(existing: true) { store in
                _ = try await report.definition(in: store)
                return try await store.reportSnapshotVersions(committeeCode: report.committee, periodLabel: period.label)
            }
            for version in versions { print("\(version.version)\t\(version.takenAt)\t\(version.takenBy)") }
        }
    }

    /// `--stage draft|checked|published`.
    enum StageArgument: String, ExpressibleByArgument, CaseIterable {
        case draft, checked, published

        var stage: ReportPublication.Stage {
            switch self {
            case .draft: .draft
            case .checked: .checked
            case .published: .published
            }
        }
    }
}
