import ArgumentParser
import Foundation
import ScrutineerCore
import ScrutineerStorage
import ScrutineerWeb
#if canImport(Glibc)
import Glibc
#endif

/// `scrutineer user add|passwd|role|list`: people and their roles, from the command line (the
/// first administrator is made here). Passwords are read from standard input (a prompt without
/// echo on a terminal), never from an argument.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Add people, set their passwords and roles.",
        subcommands: [Add.self, Passwd.self, Role.self, List.self]
    )

    /// The role and what it is given.
    struct Grants: ParsableArguments {
        @Option(help: "The council whose drafts they see (ONS code, e.g. E10000031); omit for an administrator of every council.")
        var council: String?

        @Option(help: "A committee a member reads drafts of (repeat for several).")
        var committee: [String] = []

        @Option(help: "A measure an officer owns (repeat for several).")
        var measure: [String] = []

        /// Refuses grants that give `role` nothing it could use: a council the database does not
        /// hold as a local authority, a committee not of that council, a measure it does not hold
        /// or another council's own, no council for anyone but an administrator or the public, a
        /// council for the public, committees for anyone but a member, measures for anyone but an
        /// officer (exit 65, nothing written): a list of people shows only what each can use.
        func check(for role: ScrutineerCore.Role, in store: any ScrutineerStore) async throws {
            var problems: [String] = []
            if role == .public, let council {
                problems.append("--council \(council) is not for the public, who read only published reports (expected no --council)")
            }
            if role != .member, !committee.isEmpty {
                let reads = role == .public ? "the public read none" : "\(Self.one(role)) reads every committee of their council"
                problems.append("--committee is for a member, who reads the drafts of the committees named; \(reads) (expected no --committee)")
            }
            if role != .officer, !measure.isEmpty {
                let writes = role == .public ? "the public write none" : role == .member ? "a member writes none" : "\(Self.one(role)) writes on every measure of their council"
                problems.append("--measure is for an officer, who writes the commentary on the measures named; \(writes) (expected no --measure)")
            }
            if let council {
                let areas = try await store.areas()
                let area = areas.first { $0.code == council }
                if let current = Area.current(ofFormer: council, in: areas) {
                    problems.append("--council \(Area.formerCodeProblem(council, current: current))")
                } else if area?.type != .localAuthority {
                    problems.append("--council \(council) is not a local authority the database holds (expected the ONS code of a council, e.g. E10000031, after scrutineer import areas)")
                }
                let theirs = Set(try await store.committees().filter { $0.councilAreaCode == council }.map(\.code))
                for code in committee where !theirs.contains(code) {
                    problems.append("--committee \(code) is not a committee of \(council) (expected one of: \(theirs.isEmpty ? "none defined yet" : theirs.sorted().joined(separator: ", ")))")
                }
            } else if role != .administrator && role != .public {
                problems.append("--council is needed for \(role == .analyst ? "an" : "a") \(role.rawValue) (expected the ONS code of the council whose drafts they see; only an administrator may be of every council)")
            }
            let measures = Dictionary(try await store.measures().map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
            for code in measure {
                if let stored = measures[code] {
                    if let owner = stored.councilAreaCode, owner != council {
                        problems.append("--measure \(code) is council \(owner)'s own (expected a published measure or one of \(council ?? "the person's council")'s own)")
                    }
                } else {
                    problems.append("--measure \(code) is not a measure the database holds (expected a measure's code, as scrutineer export observations lists them)")
                }
            }
            guard problems.isEmpty else { throw refused(problems) }
        }

        /// "an analyst", "an administrator".
        private static func one(_ role: ScrutineerCore.Role) -> String {
            (role == .administrator || role == .analyst || role == .officer ? "an " : "a ") + role.rawValue
        }

    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a person; the password is read from standard input.")

        @Argument(help: "The sign-in name.") var username: String
        @Option(help: "administrator, analyst, officer, member or public.") var role: ScrutineerCore.Role
        @Option(help: "The name pages show (default: the sign-in name).") var name: String?
        @OptionGroup var grants: Grants
        @OptionGroup var database: DatabaseOption

        func validate() throws {
            let name = username.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, name == username, username.utf8.count <= UserAccount.longestUsername, !username.contains(where: \.isNewline),
                  !AuditUserOption.holdsControlCharacter(username) else {
                let shown = username.count > 40 ? username.prefix(40) + "…" : Substring(username)
                throw ValidationError("\"\(shown)\" is not a sign-in name (expected 1 to \(UserAccount.longestUsername) bytes, with no spaces at either end and no line break or control character)")
            }
        }

        func run() async throws {
            let password = try readPassword()
            let account = UserAccount(
                username: username, displayName: name ?? username, role: role, councilAreaCode: grants.council,
                committeeCodes: grants.committee, measureCodes: grants.measure
            )
            try await withStore(database) { store in
                try await grants.check(for: role, in: store)
                _ = try await store.addUser(account, passwordHash: Credentials.hash(password: password), by: commandUser)
            }
            print("Added \(username) as \(role.rawValue).")
        }
    }

    struct Passwd: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set a person's password (read from standard input); signs them out everywhere and lifts a hold on their signing in after five failures.")

        @Argument(help: "The sign-in name.") var username: String
        @OptionGroup var database: DatabaseOption

        func run() async throws {
            let password = try readPassword()
            try await withStore(database) { store in
                try await store.setPasswordHash(Credentials.hash(password: password), for: username, by: commandUser)
            }
            print("Set the password of \(username).")
        }
    }

    struct Role: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set a person's role, council, committees and measures.")

        @Argument(help: "The sign-in name.") var username: String
        @Argument(help: "administrator, analyst, officer, member or public.") var role: ScrutineerCore.Role
        @OptionGroup var grants: Grants
        @OptionGroup var database: DatabaseOption

        func run() async throws {
            try await withStore(database) { store in
                guard let existing = try await store.user(named: username) else { throw StoreError.unknownUser(username) }
                try await grants.check(for: role, in: store)
                var account = existing.account
                account.role = role
                account.councilAreaCode = grants.council
                account.committeeCodes = grants.committee
                account.measureCodes = grants.measure
                try await store.updateUser(account, by: commandUser)
            }
            print("\(username) is now \(role.rawValue).")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List people and their roles.")

        @OptionGroup var database: DatabaseOption

        func run() async throws {
            try await withStore(database, existing: true) { store in
                for user in try await store.users() {
                    var line = "\(user.username)\t\(user.role.rawValue)\t\(user.councilAreaCode ?? "every council")\t\(user.displayName)"
                    if !user.committeeCodes.isEmpty { line += "\tcommittees: \(user.committeeCodes.joined(separator: ","))" }
                    if !user.measureCodes.isEmpty { line += "\tmeasures: \(user.measureCodes.joined(separator: ","))" }
                    print(line)
                }
            }
        }
    }
}

extension ScrutineerCore.Role: ExpressibleByArgument {}

/// Runs `body` on the migrated store, reporting a refusal in words with exit status 65. With
/// `existing`, a missing SQLite file is refused (`DatabaseOption.withStore(existing:_:)`).
func withStore(_ database: DatabaseOption, existing: Bool = false, _ body: (SQLStore) async throws -> Void) async throws {
    do {
        try await database.withStore(existing: existing, body)
    } catch let error as StoreError {
        StandardError.write("\(error)\n")
        throw error.exitStatus
    }
}

/// The password: the first line of standard input, or typed at a prompt without echo on a terminal.
func readPassword() throws -> String {
    var password: String?
    if isatty(STDIN_FILENO) != 0, let typed = getpass("Password: ") {
        password = String(cString: typed)
    } else {
        password = readLine(strippingNewline: true)
    }
    guard let password, !password.isEmpty else { throw refused(["no password on standard input (expected the password as its first line)"]) }
    if let weakness = Credentials.weakness(of: password) { throw refused([weakness]) }
    return password
}

/// A change to a person refused: each problem in words on standard error, then "nothing was
/// written", and exit status 65 (not a misused command's usage text).
private func refused(_ problems: [String]) -> ExitCode {
    StandardError.write((problems.joined(separator: "\n") + "\nnothing was written\n"))
    return ExitCode(65)
}
