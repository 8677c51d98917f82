import PostgresNIO
import ScrutineerCore
import SQLiteNIO

/// Why the store refused or failed, in words a user can act on.
public enum StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The `db.url` setting is not a database URL Scrutineer understands.
    case invalidDatabaseURL(String)
    /// The `db.url` setting names a PostgreSQL schema Scrutineer cannot use (`problem` says why).
    case invalidSchemaName(url: String, schema: String, problem: String)
    /// The `db.url` setting has a parameter Scrutineer does not read (a misspelt `schema`).
    case unknownURLParameter(url: String, name: String)
    /// The database could not be opened or reached (the URL is shown without its password).
    case cannotConnect(url: String, reason: String)
    /// The database has migrations this version of Scrutineer does not know.
    case schemaNewerThanProgram(databaseMigration: Int, programMigration: Int)
    /// A batch holds the same record twice.
    case duplicateInBatch(record: String, key: String)
    /// A batch holds a number that is infinite or not a number.
    case notFinite(record: String, field: String)
    /// The database refused an import; nothing was written.
    case importRolledBack(reason: String)
    /// The connection to the database was lost mid-write (a server restarted or failed over, a
    /// connection ended by an administrator): nothing was written, and trying again may work.
    case connectionLost(reason: String)
    /// The database would not take a new connection for now (every connection slot taken, the
    /// server starting up or shutting down, the database closed for maintenance): nothing was
    /// done, and trying again later may work.
    case unavailable(reason: String)
    /// The database does not let the role in `db.url` do what a change or a read needs
    /// (PostgreSQL's SQLSTATE 42501, such as no INSERT on a table): nothing was written.
    case notPermitted(reason: String)
    /// The connection was lost as a change was being committed: PostgreSQL may have written it
    /// or not, and only the database can say which.
    case connectionLostWhileCommitting(reason: String)
    /// A new version of a target starts before the version it replaces.
    case targetStartsBeforePrevious(measureCode: String, kind: String, validFrom: String, previousValidFrom: String)
    /// A target to store names no council (every stored target is one council's).
    case targetWithoutCouncil(measureCode: String, kind: String)
    /// A committee's definition holds a target of another council.
    case targetOfAnotherCouncil(committee: String, council: String, measureCode: String, targetCouncil: String)
    /// A committee definition names another council than the stored committee of its code.
    case committeeOfAnotherCouncil(committee: String, council: String, definedFor: String)
    /// A committee definition reports, or sets a target for, another council's own measure.
    case committeeMeasureOfAnotherCouncil(committee: String, council: String, measureCode: String, measureCouncil: String)
    /// An import would redefine a council's own measure for another council, or for every council
    /// (`definedAt`: the imported cell that defines it, when a file did).
    case measureOfAnotherCouncil(measureCode: String, council: String, importedFor: String?, definedAt: CellReference?)
    /// A council's import would take as its own a measure that holds other figures (published
    /// data, or another council's).
    case measureNotOnlyCouncils(measureCode: String, council: String, definedAt: CellReference?)
    /// An import would redefine a council's own comparator group for another council or for
    /// every council, or take a group every council sees as one council's own.
    case groupOfAnotherOwner(groupCode: String, owner: String?, importedFor: String?, definedAt: CellReference?)
    /// Several refusals of one import, each with its cell: every one is said at once, so the file
    /// is corrected in one go (`StoreError.refusing(_:)` makes one refusal plain).
    indirect case several([StoreError])
    /// An import would replace stored figures with figures published before them (an older
    /// release re-imported), without `--replace-newer`.
    case olderThanStored([OlderFigure])
    /// An import would add figures for periods their series already holds under another label
    /// (a release labelling a financial year 2024/25 where the stored figures call it 2025).
    case periodStoredUnderAnotherLabel([RelabelledFigure])
    /// The database refused a change; nothing was written.
    case changeRolledBack(reason: String)
    /// No person has this sign-in name.
    case unknownUser(String)
    /// A person's council is not a known area.
    case unknownCouncil(String)
    /// A person with this sign-in name already exists.
    case userExists(String)
    /// A stored value cannot be read back (the database was edited by hand, or by a newer program).
    case unreadableStoredValue(table: String, column: String, value: String)
    /// A report was to be marked published without the snapshot that publishing keeps.
    case publishedWithoutSnapshot(committee: String, period: String)
    /// A report's stage was to be set for a period that has not begun on the day it is judged by.
    case reportingPeriodNotBegun(committee: String, period: String, today: String)
    /// A report was to be published while it is published: it stays as the committee read it until
    /// it is moved back to checked (PRODUCT.md R15).
    case alreadyPublished(committee: String, period: String)
    /// A report was to be published before it was checked (draft → checked → published,
    /// PRODUCT.md R15).
    case publishedUnchecked(committee: String, period: String)
    /// A committee request, delivery or closure refused (`CommitteeRequestError` says why); nothing was written.
    case requestRefused(CommitteeRequestError)
    /// No request with this number from this committee.
    case unknownRequest(committee: String, number: Int)
    /// No review of the risk on that day (`held`: the days it was reviewed).
    case unknownRiskReview(committee: String, reference: String, day: String, held: [String], references: [String])

    public var description: String {
        if case let .several(refusals) = self { return refusals.map(\.description).joined(separator: "\n") }
        return (cell.map { "\($0): " } ?? files.map { "\($0): " } ?? "") + problem
    }

    /// Each refusal this error holds: itself, or those of `several`.
    public var refusals: [StoreError] {
        if case let .several(refusals) = self { return refusals }
        return [self]
    }

    /// Throws `refusals`: none, one as it is, or several together.
    static func refusing(_ refusals: [StoreError]) throws {
        guard let first = refusals.first else { return }
        throw refusals.count == 1 ? first : StoreError.several(refusals)
    }

    /// The files a refusal is about when no one cell is: those of the older figures.
    public var files: String? {
        let files: [String] = switch self {
        case let .olderThanStored(figures): figures.map(\.file)
        case let .periodStoredUnderAnotherLabel(figures): figures.map(\.file)
        default: []
        }
        return files.isEmpty ? nil : Array(Set(files)).sorted().joined(separator: ", ")
    }

    /// The imported cell a refusal is about, when a file defined what was refused.
    public var cell: CellReference? {
        switch self {
        case let .measureOfAnotherCouncil(_, _, _, definedAt), let .measureNotOnlyCouncils(_, _, definedAt),
             let .groupOfAnotherOwner(_, _, _, definedAt):
            definedAt
        default: nil
        }
    }

    /// What was refused and why, without the cell (`description` begins with the cell, as rejected
    /// cells are named).
    public var problem: String {
        switch self {
        case let .several(refusals):
            refusals.map(\.problem).joined(separator: "\n")
        case let .invalidDatabaseURL(url):
            "db.url: \"\(url)\" is not a database URL (expected sqlite://PATH such as sqlite://./scrutineer.sqlite, "
                + "sqlite://:memory:, or postgres://USER:PASSWORD@HOST:PORT/DATABASE)"
        case let .invalidSchemaName(url, schema, problem):
            "db.url: the schema \"\(StoreError.visible(schema))\" in \"\(url)\" \(problem) (expected ?schema=NAME once, NAME of lower-case letters, digits "
                + "and underscores, not first a digit, at most 63 of them, not beginning pg_ and not information_schema, e.g. ?schema=warwickshire)"
        case let .unknownURLParameter(url, name):
            "db.url: \"\(url)\" has the parameter \(StoreError.visible(name)), which Scrutineer does not read (expected schema=NAME and "
                + "tlsmode=disable, prefer or require, in lower case, and no others)"
        case let .cannotConnect(url, reason):
            "db.url: cannot open \(url): \(reason)"
        case let .schemaNewerThanProgram(database, program):
            "the database has been migrated to schema \(database) but this Scrutineer knows schemas up to \(program) "
                + "(expected a Scrutineer at least as new as the one that last wrote the database)"
        case let .duplicateInBatch(record, key):
            "the import holds the \(record) \(key) twice (expected each \(record) once); nothing was written"
        case let .notFinite(record, field):
            "the \(field) of \(record) is not a finite number (expected a number or a blank); nothing was written"
        case let .importRolledBack(reason):
            "the import was rolled back and nothing was written: \(reason)"
        case let .connectionLost(reason):
            "the connection to the database was lost, so nothing was written (\(reason)); try again once the database answers"
        case let .unavailable(reason):
            "the database would not take a connection now, so nothing was done (\(reason)); try again shortly"
        case let .notPermitted(reason):
            "the database does not let the role in db.url do this, so nothing was written (\(reason)); expected a role with SELECT, "
                + "INSERT, UPDATE and DELETE on Scrutineer's tables, and CREATE on its schema"
        case let .connectionLostWhileCommitting(reason):
            "the connection to the database was lost as the change was being committed, so it may or may not have been written "
                + "(\(reason)); look before trying again (scrutineer export audit lists what was written; an import tried again changes nothing if it was)"
        case let .targetStartsBeforePrevious(measure, kind, from, previous):
            "the new \(kind) target for \(measure) starts on \(from), before the version it replaces (from \(previous)); "
                + "history is never rewritten (expected a start on or after \(previous))"
        case let .targetWithoutCouncil(measure, kind):
            "the \(kind) target for \(measure) names no council (expected councilAreaCode, the ONS code of the council "
                + "whose target it is, e.g. E10000031); nothing was written"
        case let .targetOfAnotherCouncil(committee, council, measure, targetCouncil):
            "committee \(committee) belongs to council \(council), but its target for \(measure) is council \(targetCouncil)'s "
                + "(expected councilAreaCode \(council), or none); nothing was written"
        case let .committeeOfAnotherCouncil(committee, council, definedFor):
            "committee \(committee) is council \(council)'s, and this definition would make it council \(definedFor)'s "
                + "(expected councilAreaCode \(council), or a new committee code for council \(definedFor))"
        case let .committeeMeasureOfAnotherCouncil(committee, council, measure, measureCouncil):
            "measure \(measure) is council \(measureCouncil)'s own, and committee \(committee) of council \(council) cannot report it "
                + "or set its targets (expected a published measure or one of council \(council)'s own)"
        case let .measureOfAnotherCouncil(measure, council, importedFor, _):
            "measure \(measure) is council \(council)'s own, and this import would redefine it "
                + (importedFor.map { "as council \($0)'s" } ?? "as a published measure")
                + " (expected a code of the importing council's own, e.g. with its prefix); nothing was written"
        case let .measureNotOnlyCouncils(measure, council, _):
            "measure \(measure) holds figures from published data or from other councils, so it cannot become council "
                + "\(council)'s own (expected a code of the council's own, e.g. with its prefix); nothing was written"
        case let .groupOfAnotherOwner(group, owner, importedFor, _):
            "comparator group \(group) is " + (owner.map { "council \($0)'s own" } ?? "every council's")
                + ", and this import would redefine it " + (importedFor.map { "as council \($0)'s" } ?? "as every council's")
                + " (expected " + (owner.map { "--council \($0), or " } ?? "no --council, or ") + "another group code); nothing was written"
        case let .olderThanStored(figures):
            Self.olderThanStoredProblem(figures)
        case let .periodStoredUnderAnotherLabel(figures):
            Self.relabelledProblem(figures)
        case let .changeRolledBack(reason):
            "the change was rolled back and nothing was written: \(reason)"
        case let .unknownUser(name):
            "there is no user \(name) (expected a name from scrutineer user list)"
        case let .unknownCouncil(code):
            "there is no area \(code) (expected the ONS code of a council from scrutineer import areas, e.g. E10000031)"
        case let .userExists(name):
            "a user \(name) already exists (expected a new name; use scrutineer user passwd or role to change it)"
        case let .unreadableStoredValue(table, column, value):
            "the database holds \"\(value)\" in \(table).\(column), which this Scrutineer cannot read"
        case let .publishedWithoutSnapshot(committee, period):
            "the report of committee \(committee) for \(period) cannot be marked published without its snapshot "
                + "(expected publishReport with the report as it stands); nothing was written"
        case let .reportingPeriodNotBegun(committee, period, today):
            "the report of committee \(committee) for \(period) cannot be signed off on \(today), before its period begins "
                + "(expected a reporting period that has begun); nothing was written"
        case let .alreadyPublished(committee, period):
            "the report of committee \(committee) for \(period) is already published, and stays as the committee read it "
                + "(expected it moved back to checked first, to publish it again); nothing was written"
        case let .publishedUnchecked(committee, period):
            "the report of committee \(committee) for \(period) is a draft, and a report is published only once it has been checked "
                + "(expected it moved to checked first, then published); nothing was written"
        case let .requestRefused(error):
            "\(error); nothing was written"
        case let .unknownRequest(committee, number):
            "number: committee \(committee) has no request \(number) (expected a number that scrutineer committee request list shows); nothing was written"
        case let .unknownRiskReview(committee, reference, day, held, references):
            held.isEmpty
                ? "reference: committee \(committee)'s register has no risk \(reference) (expected one it holds: \(references.isEmpty ? "none yet" : references.joined(separator: ", "))); nothing was written"
                : "reviewed-on: risk \(reference) of \(committee) was not reviewed on \(day) (expected one of the days it was: \(held.joined(separator: ", "))); nothing was written"
        }
    }

    /// `text` with its control characters (a NUL written `%00` in a URL) shown as `\u{0}`, so
    /// a message never carries them raw.
    static func visible(_ text: String) -> String {
        String(text.unicodeScalars.map { $0.properties.generalCategory == .control ? "\\u{\(String($0.value, radix: 16))}" : String($0) }.joined())
    }

    /// True for `connectionLost` and `unavailable` (nothing was written, and trying again may
    /// work) and `connectionLostWhileCommitting`.
    public var isConnectionLost: Bool {
        switch self {
        case .connectionLost, .unavailable, .connectionLostWhileCommitting: true
        default: false
        }
    }

    /// True for an error that says the connection to the database was lost rather than that the
    /// data was refused: `connectionLost`, PostgresNIO's closed connections, and the server's connection-exception
    /// (08…) and operator-intervention (57P…) states, such as "terminating connection due to
    /// administrator command".
    public static func isConnectionLoss(_ error: any Error) -> Bool {
        if let error = error as? StoreError { return error.isConnectionLost }
        guard let error = error as? PSQLError else { return false }
        if [.serverClosedConnection, .clientClosedConnection, .connectionError, .uncleanShutdown, .poolClosed].contains(error.code) { return true }
        guard let state = error.serverInfo?[.sqlState] else { return false }
        return state.hasPrefix("08") || state.hasPrefix("57P")
    }

    /// True for `notPermitted`.
    public var isNotPermitted: Bool {
        if case .notPermitted = self { return true }
        return false
    }

    /// True for PostgreSQL refusing the role the rights a statement needs (SQLSTATE 42501,
    /// insufficient_privilege).
    public static func isRefusedRights(_ error: any Error) -> Bool {
        (error as? PSQLError)?.serverInfo?[.sqlState] == "42501"
    }

    /// A failed write's error in the store's words when the data is not what failed: a
    /// `StoreError` as it is, a lost connection (`connectionLost`) or a role without the rights
    /// (`notPermitted`); nil when the database refused the data, which each kind of write words
    /// its own way.
    static func failureNotOfTheData(_ error: any Error) -> StoreError? {
        if let error = error as? StoreError { return error }
        if isConnectionLoss(error) { return .connectionLost(reason: databaseReason(error)) }
        if isRefusedRights(error) { return .notPermitted(reason: databaseReason(error)) }
        return nil
    }

    /// For an error the database driver raised that no part of the store put in its own words (a
    /// PostgreSQL role without the rights a command needs, a lost connection while reading): the
    /// database's words for it, or nil for any other error. PostgresNIO's own description of its
    /// errors is a generic sentence that hides them.
    public static func driverProblem(_ error: any Error) -> String? {
        guard error is PSQLError || error is SQLiteError else { return nil }
        return databaseReason(error)
    }

    /// The database's own words for `error`: PostgreSQL's message and detail (which PostgresNIO
    /// hides from `description`) with its SQLSTATE, SQLite's message, a `StoreError`'s description,
    /// or the error itself.
    public static func databaseReason(_ error: any Error) -> String {
        if let error = error as? StoreError { return error.description }
        if let error = error as? PSQLError {
            if let info = error.serverInfo, let message = info[.message] {
                let state = info[.sqlState].map { " (SQLSTATE \($0))" } ?? ""
                return [message, info[.detail], info[.hint]].compactMap { $0 }.joined(separator: ": ") + state
            }
            let what: String
            switch error.code {
            case .serverClosedConnection: what = "PostgreSQL closed the connection"
            case .clientClosedConnection, .poolClosed: what = "the connection to PostgreSQL was closed"
            case .connectionError: what = "the connection to PostgreSQL failed"
            case .uncleanShutdown: what = "the connection to PostgreSQL ended without PostgreSQL saying goodbye"
            // Refusals at sign-in that PostgresNIO names only by a code (found by testing a role
            // that must give a password, and a server without TLS: "authMechanismRequiresPassword").
            case .authMechanismRequiresPassword:
                what = "PostgreSQL asks this role for a password and db.url gives none (expected postgres://user:password@host/database, "
                    + "the password percent-encoded where it holds / # ? @ % or :)"
            case .unsupportedAuthMechanism:
                what = "PostgreSQL asks this role to sign in a way Scrutineer cannot (it can give a password in clear, md5 or scram-sha-256)"
            case .saslError: what = "signing in to PostgreSQL with scram-sha-256 failed"
            case .sslUnsupported:
                what = "PostgreSQL does not offer TLS, which the URL's tlsmode=require (or sslmode) asks for (expected a server with ssl on, or tlsmode=prefer or disable)"
            default: what = "\(error.code)"
            }
            return [what, error.underlying.map { String(describing: $0) }].compactMap { $0 }.joined(separator: ": ")
        }
        if let error = error as? SQLiteError { return error.message }
        return String(describing: error)
    }
}

/// A figure an import would put in place of a stored figure published after it.
public struct OlderFigure: Sendable, Hashable {
    /// The cell: measure, area, period and breakdown.
    public var key: String
    /// The file (with its sheet, for a workbook) and row it was read from, where the parser said.
    public var file: String
    public var row: Int?
    /// The figure's publication date as the file gives it; empty for a local row with none.
    public var published: String
    /// The figure as the file gives it, and as stored.
    public var figure: String
    public var stored: String
    public var storedPublished: String
    public var storedFile: String
}

/// A figure an import would add for a period its series already holds under another label.
public struct RelabelledFigure: Sendable, Hashable {
    /// The cell: measure, area, period (as the file labels it) and breakdown.
    public var key: String
    /// The file (with its sheet, for a workbook) and row it was read from, where the parser said.
    public var file: String
    public var row: Int?
    /// The period's dates, "April 2024 to March 2025".
    public var span: String
    /// The label the stored figures give the same period.
    public var storedLabel: String
}

extension StoreError {
    /// How many figures are for periods stored under other labels: the first three named.
    static func relabelledProblem(_ figures: [RelabelledFigure]) -> String {
        let count = figures.count == 1 ? "1 figure" : "\(figures.count) figures"
        let listed = firstThree(figures.map { ($0.file, $0.row, "\($0.key): \($0.span), stored as \($0.storedLabel)") })
        return "\(count) in this import \(figures.count == 1 ? "is for a period" : "are for periods") the database holds under another label ("
            + listed + "), which would make a second series of the same periods (expected the stored labels, "
            + "such as a time identifier or --year-type that gives them, or a measure code of its own); nothing was written"
    }

    /// The first three of `figures`, each after its row ("row 7, …"; "file.csv:7, …" when they
    /// come from several files), then how many more.
    static func firstThree(_ figures: [(file: String, row: Int?, words: String)]) -> String {
        let oneFile = Set(figures.map(\.file)).count == 1
        let shown = figures.prefix(3).map { figure in
            (figure.row.map { oneFile ? "row \($0), " : "\(figure.file):\($0), " } ?? "") + figure.words
        }
        return shown.joined(separator: "; ") + (figures.count > shown.count ? "; and \(figures.count - shown.count) more" : "")
    }

    /// How many figures, with which dates, would replace which newer figures: the first three
    /// named, so the file can be checked (`description` begins with the files).
    static func olderThanStoredProblem(_ figures: [OlderFigure]) -> String {
        let listed = firstThree(figures.map { figure in
            (figure.file, figure.row, "\(figure.key): \(figure.figure), \(figure.published.isEmpty ? "with no publication date" : "published \(figure.published)"), "
                + "would replace \(figure.stored), published \(figure.storedPublished) by \(figure.storedFile)")
        })
        let count = figures.count == 1 ? "1 figure" : "\(figures.count) figures"
        let one = figures.count == 1
        // A local row with no date is not known to be newer than a dated figure.
        let undated = figures.contains { $0.published.isEmpty } ? ", or given no date where \(one ? "it is" : "they are") dated," : ""
        return "\(count) in this import \(one ? "was" : "were") published before the stored "
            + "\(one ? "figure" : "figures") \(one ? "it" : "they") would replace\(undated) (" + listed
            + "). An older release does not undo a newer one (expected the newest release's file; to put the older figures back "
            + "on purpose, import again with --replace-newer, or on the site with \"Put older figures back\" ticked; the newer ones stay in history); "
            + "nothing was written"
    }
}

