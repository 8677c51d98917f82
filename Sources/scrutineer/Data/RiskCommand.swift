import ArgumentParser
import Foundation
import ScrutineerCore
import ScrutineerStorage

/// `scrutineer committee risk remove`: corrects a committee's risk register where an import cannot
/// (PRODUCT.md R11). Reviews come in with `scrutineer import risks`; a review recorded on the wrong
/// day, or for the wrong risk, is removed here, audited with what it was.
struct RiskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "risk",
        abstract: "Correct a committee's risk register: remove a review recorded on the wrong day or for the wrong risk.",
        discussion: "Reviews are added and corrected with scrutineer import risks; a published report keeps the register as it stood.",
        subcommands: [Remove.self]
    )

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove one review of a risk (audited with its score and status).")

        @OptionGroup var committee: CommitteeOption

        @Option(help: "The risk's reference, as the register gives it.")
        var reference: String

        @Option(name: .customLong("reviewed-on"), help: "The day of the review to remove (YYYY-MM-DD).")
        var reviewedOn: String

        @OptionGroup var database: DatabaseOption
        @OptionGroup var user: AuditUserOption

        func run() async throws {
            let day = try CommitteeOption.date(reviewedOn, flag: "--reviewed-on")
            var removed: RiskReview?
            try await withStore(database, existing: true) { store in
                let code = try await committee.definition(in: store).committee.code
                removed = try await store.removeRiskReview(committeeCode: code, reference: reference, reviewedOn: day, by: user.user)
            }
            if let removed {
                print("Removed the review of risk \(removed.reference) of \(committee.committee) on \(removed.reviewedOn.iso) (score \(removed.score.text)).")
            }
        }
    }
}
