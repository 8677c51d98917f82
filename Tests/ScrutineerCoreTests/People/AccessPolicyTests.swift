import Testing
@testable import ScrutineerCore

/// The access rules of PRODUCT.md R16, one expectation per role and council.
@Suite("Access policy")
struct AccessPolicyTests {
    let warwickshire = Committee(code: "WARKS-CYP", name: "CYP OSC", councilAreaCode: "E10000031", themes: [CommitteeTheme(name: "Health", measureCodes: ["A", "B"])])

    func person(_ role: Role, council: String? = "E10000031", committees: [String] = [], measures: [String] = []) -> UserAccount {
        UserAccount(username: role.rawValue, displayName: role.displayName, role: role, councilAreaCode: council, committeeCodes: committees, measureCodes: measures)
    }

    @Test("Drafts: the council's staff, and members given the committee")
    func drafts() {
        #expect(!AccessPolicy.canReadDrafts(nil, of: warwickshire))
        #expect(AccessPolicy.canReadDrafts(person(.administrator, council: nil), of: warwickshire))
        #expect(AccessPolicy.canReadDrafts(person(.analyst), of: warwickshire))
        #expect(AccessPolicy.canReadDrafts(person(.officer), of: warwickshire))
        #expect(AccessPolicy.canReadDrafts(person(.member, committees: ["WARKS-CYP"]), of: warwickshire))
        #expect(!AccessPolicy.canReadDrafts(person(.member, committees: ["OTHER"]), of: warwickshire))
        #expect(!AccessPolicy.canReadDrafts(person(.public), of: warwickshire))
        #expect(!AccessPolicy.canReadDrafts(person(.analyst, council: "E06000041"), of: warwickshire))
        #expect(!AccessPolicy.canReadDrafts(person(.administrator, council: "E06000041"), of: warwickshire))
    }

    @Test("Commentary: analysts and administrators, and officers for what they own")
    func commentary() {
        #expect(AccessPolicy.canWriteCommentary(person(.analyst), measureCode: "A", in: warwickshire))
        #expect(AccessPolicy.canWriteCommentary(person(.officer, measures: ["A"]), measureCode: "A", in: warwickshire))
        #expect(!AccessPolicy.canWriteCommentary(person(.officer, measures: ["A"]), measureCode: "B", in: warwickshire))
        #expect(!AccessPolicy.canWriteCommentary(person(.member, committees: ["WARKS-CYP"]), measureCode: "A", in: warwickshire))
        #expect(!AccessPolicy.canWriteCommentary(person(.analyst, council: "E06000041"), measureCode: "A", in: warwickshire))
        #expect(!AccessPolicy.canWriteCommentary(nil, measureCode: "A", in: warwickshire))
    }

    @Test("Publishing and people")
    func publishingAndPeople() {
        #expect(AccessPolicy.canPublish(person(.analyst), warwickshire))
        #expect(!AccessPolicy.canPublish(person(.officer), warwickshire))
        #expect(AccessPolicy.canManagePeople(person(.administrator, council: nil)))
        #expect(!AccessPolicy.canManagePeople(person(.analyst)))
    }

    @Test("The audience follows the right to read drafts")
    func audience() {
        #expect(AccessPolicy.audience(nil, for: warwickshire) == .public)
        #expect(AccessPolicy.audience(person(.analyst), for: warwickshire) == .officer)
        #expect(AccessPolicy.audience(person(.member, committees: ["WARKS-CYP"]), for: warwickshire) == .member)
        #expect(AccessPolicy.audience(person(.member), for: warwickshire) == .public)
    }
}
