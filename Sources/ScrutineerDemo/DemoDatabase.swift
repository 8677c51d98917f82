import Foundation
import ScrutineerCore
import ScrutineerFormats
import ScrutineerStorage

/// Fills a store with the demo (issue 6): the OGL national data for every LA from LAIT and EES,
/// the DfE LA lookup and statistical neighbours (2021 and 2025), the illustrative local values
/// of measures no national collection holds, Warwickshire's Children and Young People OSC and
/// Wokingham's Children's Services committee with their targets and commentary, and the
/// 2026/27 Q1 reports published (Wokingham's twice; Q2 is the draft in preparation).
public enum DemoDatabase {
    /// The period whose reports the demo publishes, and the one in preparation (with commentary).
    public static let publishedPeriod = "2026/27 Q1"
    public static let draftPeriod = "2026/27 Q2"

    /// The note added to a published report after its meeting, which is then published again.
    static let republished = (
        committee: "WOK-CS", measureCode: "WOK_EHCP_20WK", author: "Assistant Director, Learning and Partnerships",
        text: "Added after the committee met, at the members' request: most of this quarter's late plans were delayed by late advice from health partners, and the service is reviewing advice timescales with the integrated care board."
    )

    /// A demo sign-in: the account and its password (printed by `scrutineer demo`).
    public struct Person: Sendable {
        public let account: UserAccount
        public let password: String
    }

    /// The demo's people, one of each role and council.
    public static let people: [Person] = [
        Person(account: UserAccount(username: "admin", displayName: "Ada Administrator", role: .administrator), password: "demo-administrator"),
        Person(account: UserAccount(username: "warks.analyst", displayName: "Wren Analyst", role: .analyst, councilAreaCode: "E10000031"), password: "demo-warks-analyst"),
        Person(account: UserAccount(username: "warks.officer", displayName: "Olu Officer", role: .officer, councilAreaCode: "E10000031",
                                    measureCodes: ["WARKS_EH_ASSESS45", "WARKS_HV_68WK", "ReReferral"]), password: "demo-warks-officer"),
        Person(account: UserAccount(username: "warks.member", displayName: "Cllr Morgan Member", role: .member, councilAreaCode: "E10000031",
                                    committeeCodes: ["WARKS-CYP"]), password: "demo-warks-member"),
        Person(account: UserAccount(username: "wok.analyst", displayName: "Kit Analyst", role: .analyst, councilAreaCode: "E06000041"), password: "demo-wok-analyst"),
        Person(account: UserAccount(username: "wok.member", displayName: "Cllr Sam Member", role: .member, councilAreaCode: "E06000041",
                                    committeeCodes: ["WOK-CS"]), password: "demo-wok-member"),
    ]

    /// One line of what was loaded, for the demo's console.
    public typealias Progress = @Sendable (String) -> Void

    /// Loads everything into `store` (which must be new: the demo starts from an empty database).
    /// `hashPassword` turns a password into the hash the store keeps; the published reports are
    /// judged as on `today`.
    public static func load(
        into store: any ScrutineerStore, folder: URL = DemoDataFolder.url, today: CalendarDate = .todayUTC,
        hashPassword: @Sendable (String) -> String, progress: Progress = { _ in }
    ) async throws {
        let user = "scrutineer demo"
        try await store.migrate()
        let national = folder.appendingPathComponent("national")
        func files(_ paths: [String]) throws -> [PublishedFile] {
            try paths.map { path in
                let url = national.appendingPathComponent(path)
                return PublishedFile(name: url.lastPathComponent, data: try Data(contentsOf: url))
            }
        }
        /// Reads a batch against what the store holds so far (measures, areas, breakdowns), and writes it.
        func importBatch(_ parse: (ImportContext) throws -> ImportBatch) async throws -> ImportSummary {
            try await store.importBatch(try parse(try await store.importContext()), by: user)
        }
        func importNational(_ kind: ImportKind, _ paths: [String], options: NationalImportOptions = NationalImportOptions()) async throws {
            let published = try files(paths)
            let summary = try await importBatch { try NationalImport.parse(kind, files: published, options: options, context: $0) }
            progress("Imported \(kind.rawValue): \(paths.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")) (\(summary.added) added)")
        }
        try await importNational(.areas, ["reference/la_lookup_from_ees.csv", "reference/la_successions.csv"])
        try await importNational(.neighbours, ["reference/statistical_neighbours_2021_long.csv", "reference/statistical_neighbours_2025_long.csv"])
        try await importNational(.lait, ["lait/lait_kpi_subset_long.csv", "lait/lait_kpi_measures.csv"])
        let mapping = try files(["ees-mapping.csv"])[0]
        try await importNational(.ees, [
            "ees/c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv", "ees/d3_cpps_subsequent_plan_2013_to_2025.csv",
            "ees/b1_children_in_need_2013_to_2025.csv",
        ], options: NationalImportOptions(mappingFile: mapping))

        // Each council imports its own measures and figures, which makes the measures its own.
        let local = folder.appendingPathComponent("local")
        for council in ["warwickshire", "wokingham"] {
            let localFiles = try ["\(council)-measures.csv", "\(council)-observations.csv"].map {
                LocalImportFile(name: $0, data: try Data(contentsOf: local.appendingPathComponent($0)))
            }
            let summary = try await importBatch { try LocalMeasuresImporter.importBatch(localFiles, options: LocalImportOptions(today: today), context: $0) }
            progress("Imported \(council)'s illustrative local values (\(summary.added) added)")
        }
        // Warwickshire then corrects one figure its last report showed, so the demo's measure page
        // lists a revision: what the figure was, what it became, when and from which file.
        let corrections = LocalImportFile(name: "warwickshire-corrections.csv", data: try Data(contentsOf: local.appendingPathComponent("warwickshire-corrections.csv")))
        let corrected = try await importBatch { try LocalMeasuresImporter.importBatch([corrections], options: LocalImportOptions(today: today), context: $0) }
        progress("Imported Warwickshire's correction of an earlier figure (\(corrected.changed) changed)")
        // Warwickshire's own comparator groups, beside England, its region and its neighbours.
        let groupsFile = PublishedFile(name: "warwickshire-groups.csv", data: try Data(contentsOf: local.appendingPathComponent("warwickshire-groups.csv")))
        let groups = try await importBatch { try ComparatorGroupsImporter.parse([groupsFile], council: "E10000031", context: $0) }
        progress("Imported Warwickshire's comparator groups (\(groups.records[.comparatorGroup]?.total ?? 0))")

        let committees = folder.appendingPathComponent("committees")
        var definitions: [CommitteeDefinition] = []
        for name in ["warwickshire-cyp.json", "wokingham-cs.json"] {
            let definition = try JSONDecoder().decode(CommitteeDefinition.self, from: Data(contentsOf: committees.appendingPathComponent(name)))
            try await store.saveCommittee(definition, by: user, file: name)
            definitions.append(definition)
            progress("Defined \(definition.committee.name) (\(definition.committee.code), \(definition.committee.measureCodes.count) measures)")
        }

        struct CommentaryEntry: Decodable {
            let committee, measureCode, period, author, text: String
        }
        let entries = try JSONDecoder().decode([CommentaryEntry].self, from: Data(contentsOf: folder.appendingPathComponent("commentary.json")))
        for entry in entries {
            _ = try await store.addCommentary(
                Commentary(committeeCode: entry.committee, measureCode: entry.measureCode, periodLabel: entry.period, text: entry.text, author: entry.author),
                by: user
            )
        }
        let periods = Dictionary(grouping: entries, by: \.period).sorted { $0.key < $1.key }.map { "\($0.value.count) for \($0.key)" }
        progress("Wrote commentary: \(periods.joined(separator: ", "))")

        try await loadRequests(into: store, from: folder.appendingPathComponent("requests.json"), by: user, progress: progress)

        // Each committee's risk register, as the council keeps it.
        for (committee, name) in [("WARKS-CYP", "warwickshire-cyp-risks.csv"), ("WOK-CS", "wokingham-cs-risks.csv")] {
            let register = PublishedFile(name: name, data: try Data(contentsOf: folder.appendingPathComponent("risks").appendingPathComponent(name)))
            let summary = try await importBatch { _ in try RiskRegisterImporter.parse([register], committeeCode: committee, today: today) }
            progress("Imported \(committee)'s illustrative risk register (\(summary.added) reviews)")
        }

        // Each committee's quarterly finance returns.
        for (committee, name) in [("WARKS-CYP", "warwickshire-cyp-finance.csv"), ("WOK-CS", "wokingham-cs-finance.csv")] {
            let returns = PublishedFile(name: name, data: try Data(contentsOf: folder.appendingPathComponent("finance").appendingPathComponent(name)))
            let summary = try await importBatch { _ in try FinanceReturnImporter.parse([returns], committeeCode: committee, today: today) }
            progress("Imported \(committee)'s illustrative finance returns (\(summary.added) lines)")
        }

        let published = try Period.parse(publishedPeriod, yearType: .financial)
        for definition in definitions {
            for stage in [ReportPublication.Stage.checked, .published] {
                _ = try await store.moveReport(definition, period: published, to: stage, by: "Demo Analyst", today: today)
            }
        }
        // Wokingham's report is published a second time, with a note the committee asked for, so
        // the demo shows a report's publications, each kept as it stood (PRODUCT.md R15).
        if let wokingham = definitions.first(where: { $0.committee.code == republished.committee }) {
            _ = try await store.addCommentary(
                Commentary(committeeCode: republished.committee, measureCode: republished.measureCode, periodLabel: publishedPeriod, text: republished.text, author: republished.author),
                by: user
            )
            for stage in [ReportPublication.Stage.checked, .published] {
                _ = try await store.moveReport(wokingham, period: published, to: stage, by: "Demo Analyst", today: today)
            }
        }
        progress("Published the \(publishedPeriod) reports (\(republished.committee)'s twice, with a note added after the meeting); \(draftPeriod) is in preparation")
        // Warwickshire then corrects a figure its published report showed: the report keeps it as the
        // committee read it and says it has been revised since (PRODUCT.md R15).
        let late = LocalImportFile(
            name: "warwickshire-corrections-after-publication.csv",
            data: try Data(contentsOf: local.appendingPathComponent("warwickshire-corrections-after-publication.csv"))
        )
        let lateSummary = try await importBatch { try LocalMeasuresImporter.importBatch([late], options: LocalImportOptions(today: today), context: $0) }
        progress("Imported Warwickshire's correction of a figure its published report showed (\(lateSummary.changed) changed)")

        for person in people {
            _ = try await store.addUser(person.account, passwordHash: hashPassword(person.password), by: user)
        }
        progress("Added \(people.count) demo sign-ins")
    }

    /// The committees' requests (`requests.json`), modelled on those in the councils' minutes,
    /// with any promise moved since and their deliveries.
    static func loadRequests(into store: any ScrutineerStore, from file: URL, by user: String, progress: Progress) async throws {
        struct Delivery: Decodable {
            let period: String?
            let on: CalendarDate
            let note: String
        }
        struct Entry: Decodable {
            let committee, request: String
            let raisedOn: CalendarDate
            let askedBy, providedBy, measure: String?
            let dueBy: CalendarDate?
            /// The day the promise was moved to since, as the committee agreed.
            let movedTo: CalendarDate?
            let everyReport: Bool?
            let deliveries: [Delivery]
        }
        let entries = try JSONDecoder().decode([Entry].self, from: Data(contentsOf: file))
        for entry in entries {
            let request = try await store.addRequest(CommitteeRequest(
                committeeCode: entry.committee, raisedOn: entry.raisedOn, request: entry.request, askedBy: entry.askedBy ?? "", providedBy: entry.providedBy ?? "",
                dueBy: entry.dueBy, recurrence: entry.everyReport == true ? .everyReport : .once, measureCode: entry.measure, recordedBy: user
            ), by: user)
            if let day = entry.movedTo {
                _ = try await store.amendRequest(committeeCode: entry.committee, number: request.number, .init(dueBy: .on(day)), by: user)
            }
            for delivery in entry.deliveries {
                _ = try await store.deliverRequest(
                    committeeCode: entry.committee, number: request.number,
                    .init(periodLabel: delivery.period, deliveredOn: delivery.on, note: delivery.note, recordedBy: user), by: user
                )
            }
        }
        progress("Recorded \(entries.count) committee requests")
    }
}
