/// Who may see and change what (PRODUCT.md R16), as pure rules the web application asks before
/// every page, API call and form. `nil` stands for someone not signed in, who has the public's rights.
///
/// - Published reports are for everyone; their public pages suppress small numbers.
/// - Unpublished (draft) reports are for the committee's own council: its administrators,
///   analysts and officers, and the members given that committee. Nobody from another council
///   sees them; an administrator without a council sees every council's.
/// - Commentary is written by analysts and administrators of the council, and by officers for
///   the measures they own.
/// - Publishing a report (or taking it back to draft), recording the committee's requests and
///   importing its own spreadsheets are for analysts and administrators of the council.
/// - Managing people is for administrators.
public enum AccessPolicy {
    /// Whether `account` belongs to the council `areaCode` (an administrator without a council belongs to all).
    public static func isOfCouncil(_ account: UserAccount?, _ areaCode: String) -> Bool {
        guard let account else { return false }
        if account.role == .administrator && account.councilAreaCode == nil { return true }
        return account.councilAreaCode == areaCode
    }

    /// Whether `account` is one of the council's staff (an administrator, analyst or officer of it),
    /// who read every one of its committees' unpublished reports.
    public static func isCouncilStaff(_ account: UserAccount?, _ areaCode: String) -> Bool {
        guard let account, isOfCouncil(account, areaCode) else { return false }
        return [.administrator, .analyst, .officer].contains(account.role)
    }

    /// Whether `account` is told the sign-in names of who marked and published a report: anyone
    /// signed in. The public is told when, not who (`SignOffStanding.withoutNames()`): five failed
    /// sign-ins hold a name back, so a name shown to anyone would let anyone keep its owner out.
    public static func readsSignInNames(_ account: UserAccount?) -> Bool {
        account != nil
    }

    /// Whether `account` may read the committee's unpublished reports.
    public static func canReadDrafts(_ account: UserAccount?, of committee: Committee) -> Bool {
        if isCouncilStaff(account, committee.councilAreaCode) { return true }
        guard let account, account.role == .member, isOfCouncil(account, committee.councilAreaCode) else { return false }
        return account.committeeCodes.contains(committee.code)
    }

    /// Whether `account` may write commentary on `measureCode` in the committee's reports.
    public static func canWriteCommentary(_ account: UserAccount?, measureCode: String, in committee: Committee) -> Bool {
        guard let account, isOfCouncil(account, committee.councilAreaCode) else { return false }
        switch account.role {
        case .administrator, .analyst: return true
        case .officer: return account.measureCodes.contains(measureCode)
        case .member, .public: return false
        }
    }

    /// Whether `account` may publish the committee's reports or take them back to draft.
    public static func canPublish(_ account: UserAccount?, _ committee: Committee) -> Bool {
        guard let account, isOfCouncil(account, committee.councilAreaCode) else { return false }
        return account.role == .administrator || account.role == .analyst
    }

    /// Whether `account` may record the committee's requests, their deliveries and closures: those
    /// who prepare its reports.
    public static func canRecordRequests(_ account: UserAccount?, _ committee: Committee) -> Bool {
        canPublish(account, committee)
    }

    /// Whether `account` may import the committee's own spreadsheets from the site (its council's
    /// own measures, its risk register, its finance return): those who prepare its reports.
    public static func canImport(_ account: UserAccount?, _ committee: Committee) -> Bool {
        canPublish(account, committee)
    }

    /// Whether `account` may add people and change their roles.
    public static func canManagePeople(_ account: UserAccount?) -> Bool {
        account?.role == .administrator
    }

    /// The audience pages are written for: the public's unless the person may read the committee's drafts.
    public static func audience(_ account: UserAccount?, for committee: Committee) -> Audience {
        canReadDrafts(account, of: committee) ? (account?.role.audience ?? .public) : .public
    }
}
