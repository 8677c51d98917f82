/// The table of migration 12: each review of the risks a committee owns (PRODUCT.md R11).
extension Schema {
    /// A committee's risk register: one row per risk and day it was reviewed.
    enum RiskReviews {
        static let table = "committee_risk_reviews"
        static let committeeCode = "committee_code"
        static let reference = "reference"
        static let reviewedOn = "reviewed_on"
        static let title = "title"
        static let description = "description"
        static let owner = "owner"
        static let likelihood = "likelihood"
        static let impact = "impact"
        static let targetLikelihood = "target_likelihood"
        static let targetImpact = "target_impact"
        static let mitigation = "mitigation"
        static let status = "status"

        static let columns = [
            committeeCode, reference, reviewedOn, title, description, owner, likelihood, impact, targetLikelihood, targetImpact, mitigation, status,
        ]
    }
}
