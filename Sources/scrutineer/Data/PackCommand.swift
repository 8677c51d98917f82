import ArgumentParser
import Foundation
import ScrutineerCore
import ScrutineerStorage
import ScrutineerViews

/// `scrutineer pack --committee CODE --period LABEL --out DIR [--audience officer|member|public]`:
/// the committee's Integrated Performance Report as accessible HTML, a PDF and the data behind it.
struct PackCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pack",
        abstract: "Build a committee's performance report: HTML pages, pack.pdf, and data/*.csv and data/pack.xlsx.",
        discussion: """
        Assesses every measure of the committee for the reporting period (status against targets, \
        direction of travel, England, region and statistical-neighbour benchmarks, rank and quartile \
        band, SPC) and writes DIR/index.html, a page per measure, DIR/pack.pdf (printed by headless \
        Chromium) and the data behind every table and chart, with the measures' commentary and the \
        committee's requests (scrutineer committee request), finance return (scrutineer import \
        finance) and risk register (scrutineer import risks). The public audience never sees a \
        suppressed count or anything derived from one. A published report's pack is built from \
        what was published: the figures and judgements as they stood on the day. --snapshot N \
        builds it as its Nth publication stood (scrutineer committee snapshots lists them), \
        whatever its stage now.
        """
    )

    @OptionGroup var report: ReportOptions

    @Option(help: "The folder to write the pack into: created if missing; an earlier pack there is replaced; a file, or a folder holding anything else, is refused.")
    var out: String

    @Option(help: "Who the pack is for: officer, member or public.")
    var audience: AudienceArgument = .member

    @Option(name: .customLong("as-of"), help: "Judge currency as on this date (YYYY-MM-DD; default: today). Not for a published report, which is judged as on the day it was published.")
    var asOf: String?

    @Option(help: "Build the pack as the report's Nth publication stood (1 for its first; see scrutineer committee snapshots), whatever its stage now.")
    var snapshot: Int?

    @Flag(name: .customLong("no-pdf"), help: "Skip pack.pdf.")
    var noPDF = false

    @OptionGroup var database: DatabaseOption

    func validate() throws {
        if let snapshot, snapshot < 1 { throw ValidationError("--snapshot: \(snapshot) is not a publication (expected 1 for the report's first, 2 for its second…)") }
        if snapshot != nil, asOf != nil {
            throw ValidationError("--as-of: a snapshot is judged as on the day it was published (expected --snapshot or --as-of, not both)")
        }
    }

    /// What the pack shows: the assessment, and the text, requests, risks and finance as its audience reads them.
    struct Contents {
        var assessment: CommitteeAssessment
        var commentary: [Commentary]
        var requests: [ReportedRequest]
        var risks: [ReportedRisk]
        var finance: [FinanceLine]
        var publicText: PublicTextRule
        /// The revision of the data a published report was taken at, so that its revised figures are
        /// those known then; nil for a report as it stands now.
        var revision: Int?
        /// Where the report stands in sign-off, as every page says it (PRODUCT.md R15).
        var standing: SignOffStanding
    }

    /// What a snapshot held for the pack's audience, with the public's text as it kept it.
    func contents(of snapshot: ReportSnapshot, _ assessment: CommitteeAssessment, marking: ReportPublication?, publications: Int) -> Contents {
        Contents(
            assessment: assessment, commentary: snapshot.commentary, requests: snapshot.reportedRequests(for: audience.audience),
            risks: snapshot.reportedRisks(for: audience.audience), finance: snapshot.finance ?? [], publicText: snapshot.publicTextRule,
            revision: snapshot.revision ?? 0,
            standing: SignOffStanding(
                stage: marking?.stage ?? .draft, marking: marking,
                publication: snapshot.publication,
                publicationCount: publications, judgedOn: assessment.today
            )
        )
    }

    /// The report as published (`--snapshot N`, or its newest publication when it is published), or
    /// as it stands now.
    func contents(in store: SQLStore, reportingPeriod: Period, today: CalendarDate) async throws -> Contents {
        let committee = report.committee
        let definition = try await report.definition(in: store)
        let marking = try await store.publications(committeeCode: committee).first { $0.periodLabel == reportingPeriod.label }
        let publications = try await store.reportSnapshotVersions(committeeCode: committee, periodLabel: reportingPeriod.label).count
        if let number = snapshot {
            // An earlier publication, reproduced as the committee read it then (PRODUCT.md R15).
            guard let kept = try await store.reportSnapshot(committeeCode: committee, periodLabel: reportingPeriod.label, version: number),
                  let assessment = kept.assessment(for: audience.audience) else {
                let expected = publications == 0 ? "no --snapshot: it was never published" : "a snapshot from 1 to \(publications)"
                StandardError.write("--snapshot: the report of \(committee) for \(reportingPeriod.label) has no snapshot \(number) (expected \(expected))\n")
                throw ExitCode(65)
            }
            return contents(of: kept, assessment, marking: marking, publications: publications)
        }
        if marking?.stage == .published, let snapshot = try await store.reportSnapshot(committeeCode: committee, periodLabel: reportingPeriod.label),
           let assessment = snapshot.assessment(for: audience.audience) {
            // A published report is built as the committee read it (PRODUCT.md R15).
            guard asOf == nil else {
                StandardError.write("--as-of: the report of \(committee) for \(reportingPeriod.label) is published, judged as on \(assessment.today.iso), and its pack is built as it stood then (expected no --as-of for a published report)\n")
                throw ExitCode(64)
            }
            return contents(of: snapshot, assessment, marking: marking, publications: publications)
        }
        let index = try await store.assessmentIndex(for: definition)
        let assessment = try index.assess(committee: definition.committee, reportingPeriod: reportingPeriod, today: today, audience: audience.audience)
        return Contents(
            assessment: assessment, commentary: try await store.commentary(committeeCode: committee, periodLabel: reportingPeriod.label),
            requests: ReportedRequest.inReport(try await store.requests(committeeCode: committee), period: reportingPeriod, on: assessment.today),
            risks: ReportedRisk.inReport(try await store.risks(committeeCode: committee), period: reportingPeriod, on: assessment.today),
            finance: try await store.finance(committeeCode: committee), publicText: .current, revision: nil,
            standing: SignOffStanding(stage: marking?.stage ?? .draft, marking: marking, publicationCount: publications, judgedOn: assessment.today)
        )
    }

    func run() async throws {
        let reportingPeriod = try report.reportingPeriod()
        let today = try ReportOptions.day(asOf)
        // A report for a period not yet begun has nothing to say, as sign-off refuses it too (found
        // by exploratory testing: Q4 built in November read "one on track, 12 not due").
        if snapshot == nil, today < reportingPeriod.start {
            throw ValidationError("--period \(reportingPeriod.label) begins on \(reportingPeriod.start.iso), after \(asOf == nil ? "today" : "--as-of"), \(today.iso) (expected a period that has begun)")
        }
        let folder = URL(fileURLWithPath: out).standardizedFileURL
        // Refused before the report is built, and checked again as it is written.
        try refusingFolder { try PackWriter.checkReplaceable(folder) }
        let (shown, revisions) = try await database.withStore(existing: true) { store -> (Contents, [FigureRevisions]) in
            let shown = try await contents(in: store, reportingPeriod: reportingPeriod, today: today)
            let a = shown.assessment
            // Each measure whose figures were revised gets its section (PRODUCT.md R7, R15): those
            // published by the report's day, as its figures are (a report published as on an
            // earlier day, or judged as on one, does not list a correction published after it).
            let revisions = try await store.figureRevisions(
                of: a.measures.map(\.measure), councilAreaCode: a.committee.councilAreaCode, upTo: a.reportingPeriod, asOfRevision: shown.revision,
                publishedBy: a.today, audience: a.audience
            )
            return (shown, revisions)
        }
        let assessment = shown.assessment
        // Each measure's newest commentary for the period, as the site shows it (PRODUCT.md R9).
        let written = Dictionary(shown.commentary.map { ($0.measureCode, $0.text) }, uniquingKeysWith: { _, newest in newest })
        let revised = PackOptions.revised(assessment.measures.map(\.measure), revisions)
        let files = try PackRenderer.render(assessment, options: PackOptions(
            generatedOn: assessment.today, commentary: written, requests: shown.requests, risks: shown.risks, finance: shown.finance,
            // The public's pack says when the report was signed off, not who (`SignOffStanding.withoutNames()`).
            publicText: shown.publicText, revisions: revised, standing: audience == .public ? shown.standing.withoutNames() : shown.standing
        ))
        try refusingFolder { try PackWriter.write(files, to: folder) }
        var wrote = "Wrote \(files.count) files to \(folder.path)"
        if !noPDF {
            switch PDFPrinter.print(folder.appendingPathComponent("print.html"), to: folder.appendingPathComponent("pack.pdf")) {
            case .printed: wrote += " and pack.pdf"
            case let .notPrinted(reason): StandardError.write("pack.pdf not written: \(reason)\n")
            }
        }
        print(wrote + ". " + shown.standing.label + ". " + assessment.headline.sentence)
    }
}

extension PackCommand {
    /// Runs `body`, turning a refused `--out` folder into its message and exit 73 (EX_CANTCREAT).
    func refusingFolder(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let refused as PackWriter.FolderRefused {
            StandardError.write((refused.description + "\n"))
            throw ExitCode(73)
        }
    }
}

/// `--audience officer|member|public`.
enum AudienceArgument: String, ExpressibleByArgument, CaseIterable {
    case officer, member, `public`

    var audience: Audience {
        switch self {
        case .officer: .officer
        case .member: .member
        case .public: .public
        }
    }
}

/// Writes a pack's files into a folder: first into a sibling temporary folder, then moved into
/// place, so a failure never leaves half a pack. The folder may be missing, empty or an earlier
/// pack, which is replaced; anything else (a file, a folder of other things) is refused, so a
/// mistyped `--out` never deletes what a user keeps there.
enum PackWriter {
    /// Why a folder cannot take the pack.
    struct FolderRefused: Error, CustomStringConvertible {
        var description: String
    }

    /// The files every pack has, by which an earlier pack is known.
    static let packMarkers = ["index.html", "print.html", "data/pack.xlsx"]

    /// Refuses a folder that is neither missing, empty nor an earlier pack.
    static func checkReplaceable(_ folder: URL) throws(FolderRefused) {
        let fm = FileManager.default
        var isFolder: ObjCBool = false
        guard fm.fileExists(atPath: folder.path, isDirectory: &isFolder) else { return }
        guard isFolder.boolValue else {
            throw FolderRefused(description: "--out: \(folder.path) is a file, not a folder (expected a folder for the pack: a new one, an empty one or an earlier pack, which is replaced)")
        }
        let entries = (try? fm.contentsOfDirectory(atPath: folder.path)) ?? []
        guard !entries.isEmpty else { return }
        guard packMarkers.allSatisfy({ fm.fileExists(atPath: folder.appendingPathComponent($0).path) }) else {
            throw FolderRefused(description: "--out: \(folder.path) holds \(entries.count == 1 ? "a file or folder that is" : "\(entries.count) files or folders that are") not a pack, which writing the pack would delete (expected a new folder, an empty one or an earlier pack, which is replaced)")
        }
        // An earlier pack with something else kept beside it (a cover report, the minutes): the
        // whole folder is replaced, so that is refused too, naming what would be lost.
        let others = foreignFiles(in: folder)
        guard others.isEmpty else {
            let named = others.prefix(3).joined(separator: ", ") + (others.count > 3 ? " and \(others.count - 3) more" : "")
            throw FolderRefused(description: "--out: \(folder.path) is an earlier pack but also holds \(named), which writing the pack would delete (expected a folder holding only a pack: move the other files, or give another --out)")
        }
    }

    /// The files and folders in `folder` that no pack writes, by path within it: a pack has
    /// `index.html`, `print.html`, `pack.css` and `pack.pdf`, its data files in `data/` and its
    /// measure pages in `measures/`.
    static func foreignFiles(in folder: URL) -> [String] {
        let fm = FileManager.default
        /// Each entry of `url`, by name, and whether it is a folder.
        func entries(_ url: URL) -> [(name: String, isFolder: Bool)] {
            ((try? fm.contentsOfDirectory(atPath: url.path)) ?? []).sorted().map { name in
                var isFolder: ObjCBool = false
                fm.fileExists(atPath: url.appendingPathComponent(name).path, isDirectory: &isFolder)
                return (name, isFolder.boolValue)
            }
        }
        let top: Set = ["index.html", "print.html", "pack.css", "pack.pdf"]
        var found: [String] = []
        for entry in entries(folder) {
            if !entry.isFolder {
                if !top.contains(entry.name) { found.append(entry.name) }
            } else if entry.name == "data" || entry.name == "measures" {
                for inner in entries(folder.appendingPathComponent(entry.name)) {
                    let expected = entry.name == "data" ? inner.name.hasSuffix(".csv") || inner.name.hasSuffix(".xlsx") : inner.name.hasSuffix(".html")
                    if inner.isFolder || !expected { found.append("\(entry.name)/\(inner.name)\(inner.isFolder ? "/" : "")") }
                }
            } else {
                found.append(entry.name + "/")
            }
        }
        return found
    }

    static func write(_ files: [PackFile], to folder: URL) throws {
        let fm = FileManager.default
        let folder = folder.standardizedFileURL
        try checkReplaceable(folder)
        let staging = folder.deletingLastPathComponent().appendingPathComponent(".\(folder.lastPathComponent).\(UUID().uuidString)")
        try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        do {
            for file in files {
                let url = staging.appendingPathComponent(file.path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try file.data.write(to: url)
            }
            if fm.fileExists(atPath: folder.path) { try fm.removeItem(at: folder) }
            try fm.moveItem(at: staging, to: folder)
        } catch {
            try? fm.removeItem(at: staging)
            throw error
        }
    }
}

/// Prints an HTML file to PDF with headless Chromium (Debian's `chromium`).
enum PDFPrinter {
    enum Outcome { case printed, notPrinted(String) }

    static func print(_ html: URL, to pdf: URL) -> Outcome {
        let candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        guard let browser = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            return .notPrinted("no Chromium found (install Debian's chromium)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = [
            // The outline gives the PDF bookmarks from the pack's headings (WCAG technique PDF2).
            "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--generate-pdf-document-outline",
            "--print-to-pdf=\(pdf.path)", html.absoluteString,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
            process.waitUntilExit()
        } catch {
            return .notPrinted("Chromium could not be started (\(error.localizedDescription))")
        }
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: pdf.path) else {
            return .notPrinted("Chromium exited with status \(process.terminationStatus)")
        }
        return .printed
    }
}
