import Foundation
import ScrutineerCore

extension Migration {
    /// Every migration, in order. Append only.
    static let history: [Migration] = [
        createTables, seedEnglandAndRegions, createCommittees, createPeopleAndReports, storeObservationsBySeriesAndPeriod,
        keepTargetsByCouncil, keepLocalMeasuresByCouncil, createComparatorGroups, allowSchoolTermPeriods,
        keepPublishedReports,
        trackCommitteeRequests,
        keepRiskRegisters,
        keepFinanceReturns,
        keepFirstPromisedDays,
        keepPublishedRevisions,
        keepAreaSuccessions,
    ]

    /// 1: every table, with the constraints the database can enforce.
    static let createTables = Migration(number: 1, name: "measures, areas, neighbours, observations and history, targets, audit") { engine in
        let text = engine.text, double = engine.double, generatedKey = engine.generatedKey, keyReference = engine.generatedKeyReference
        typealias M = Schema.Measures
        typealias C = Schema.MeasureCommittees
        typealias A = Schema.Areas
        typealias N = Schema.Neighbours
        typealias O = Schema.Observations
        typealias H = Schema.ObservationHistory
        typealias T = Schema.Targets
        typealias U = Schema.Audit
        typealias F = Schema.AuditFiles

        let observationFields = observationFieldColumns(engine, periodKinds: ["year", "pooledYears", "quarter", "month"])
        let observationChecks = observationFieldChecks
        func count(_ column: String) -> String { "\(column) INTEGER CHECK (\(column) >= 0)" }
        return [
            """
            CREATE TABLE \(M.table) (
                \(M.code) \(text) PRIMARY KEY CHECK (\(M.code) <> ''),
                \(M.title) \(text) NOT NULL CHECK (\(M.title) <> ''),
                \(M.definition) \(text),
                \(M.theme) \(text),
                \(M.owner) \(text),
                \(M.unit) \(text) NOT NULL CHECK (
                    \(SQLText.oneOf(M.unit, ["percentage", "count", "days", "weeks", "money", "number"]))
                    OR (substr(\(M.unit), 1, 5) = 'rate:' AND length(\(M.unit)) > 5
                        AND ltrim(substr(\(M.unit), 6), '0123456789') = '' AND substr(\(M.unit), 6, 1) <> '0')
                ),
                \(M.decimalPlaces) INTEGER CHECK (\(M.decimalPlaces) BETWEEN 0 AND 10),
                \(M.polarity) \(text) NOT NULL CHECK (\(SQLText.oneOf(M.polarity, ["highIsGood", "lowIsGood", "noJudgement"]))),
                \(M.periodicity) \(text) NOT NULL CHECK (\(SQLText.oneOf(M.periodicity, ["monthly", "quarterly", "annual", "multiYear"]))),
                \(M.yearType) \(text) NOT NULL CHECK (\(SQLText.oneOf(M.yearType, ["calendar", "financial", "academic", "yearEndingSeptember"]))),
                \(M.source) \(text),
                \(M.publicationLagDays) INTEGER CHECK (\(M.publicationLagDays) >= 0),
                \(M.benchmarkComparison) \(text) NOT NULL CHECK (\(SQLText.oneOf(M.benchmarkComparison, ["fingertips-1", "fingertips-17", "not-compared"]))),
                \(M.directionOfTravel) \(text) NOT NULL CHECK (\(SQLText.oneOf(M.directionOfTravel, ["simple", "ci-overlap", "recent-trend", "spc"]))),
                \(M.planPriority) \(text)
            )
            """,
            """
            CREATE TABLE \(C.table) (
                \(C.measureCode) \(text) NOT NULL REFERENCES \(M.table) (\(M.code)),
                \(C.ordinal) INTEGER NOT NULL CHECK (\(C.ordinal) >= 1),
                \(C.committee) \(text) NOT NULL CHECK (\(C.committee) <> ''),
                PRIMARY KEY (\(C.measureCode), \(C.ordinal)),
                UNIQUE (\(C.measureCode), \(C.committee))
            )
            """,
            """
            CREATE TABLE \(A.table) (
                \(A.code) \(text) PRIMARY KEY CHECK (\(A.code) <> ''),
                \(A.dfeCode) \(text) CHECK (\(A.dfeCode) <> ''),
                \(A.name) \(text) NOT NULL CHECK (\(A.name) <> ''),
                \(A.type) \(text) NOT NULL CHECK (\(SQLText.oneOf(A.type, ["country", "region", "subRegion", "localAuthority"]))),
                \(A.regionCode) \(text) REFERENCES \(A.table) (\(A.code)) DEFERRABLE INITIALLY DEFERRED,
                \(A.successorCode) \(text) REFERENCES \(A.table) (\(A.code)) DEFERRABLE INITIALLY DEFERRED,
                \(A.firstYear) INTEGER,
                \(A.lastYear) INTEGER,
                CHECK (\(A.successorCode) <> \(A.code)),
                CHECK (\(A.firstYear) <= \(A.lastYear))
            )
            """,
            """
            CREATE TABLE \(N.table) (
                \(N.edition) \(text) NOT NULL CHECK (\(N.edition) <> ''),
                \(N.areaCode) \(text) NOT NULL REFERENCES \(A.table) (\(A.code)),
                \(N.rank) INTEGER NOT NULL CHECK (\(N.rank) >= 1),
                \(N.neighbourCode) \(text) NOT NULL REFERENCES \(A.table) (\(A.code)),
                \(N.closeness) \(text),
                PRIMARY KEY (\(N.edition), \(N.areaCode), \(N.rank)),
                UNIQUE (\(N.edition), \(N.areaCode), \(N.neighbourCode)),
                CHECK (\(N.neighbourCode) <> \(N.areaCode))
            )
            """,
            """
            CREATE TABLE \(U.table) (
                \(U.id) \(generatedKey),
                \(U.action) \(text) NOT NULL CHECK (\(U.action) <> ''),
                \(U.userName) \(text) NOT NULL CHECK (\(U.userName) <> ''),
                \(U.recordedAt) \(text) NOT NULL CHECK (\(U.recordedAt) LIKE '____-__-__T__:__:__%Z'),
                \(count(U.rowsRead)),
                \(count(U.added)),
                \(count(U.changed)),
                \(count(U.unchanged)),
                \(count(U.rejected)),
                CHECK ((\(U.rowsRead) IS NULL) = (\(U.added) IS NULL) AND (\(U.added) IS NULL) = (\(U.changed) IS NULL)
                    AND (\(U.changed) IS NULL) = (\(U.unchanged) IS NULL) AND (\(U.unchanged) IS NULL) = (\(U.rejected) IS NULL))
            )
            """,
            """
            CREATE TABLE \(F.table) (
                \(F.auditId) \(keyReference) NOT NULL REFERENCES \(U.table) (\(U.id)),
                \(F.ordinal) INTEGER NOT NULL CHECK (\(F.ordinal) >= 1),
                \(F.fileName) \(text) NOT NULL CHECK (\(F.fileName) <> ''),
                PRIMARY KEY (\(F.auditId), \(F.ordinal))
            )
            """,
            """
            CREATE TABLE \(O.table) (
                \(O.id) \(generatedKey),
            \(observationFields),
            \(observationChecks),
                CONSTRAINT \(O.table)_key UNIQUE (\(O.keyColumns.joined(separator: ", ")))
            )
            """,
            observationHistoryTable(engine, named: H.table, fields: observationFields),
            "CREATE INDEX \(H.table)_by_key ON \(H.table) (\(O.keyColumns.joined(separator: ", ")))",
            """
            CREATE TABLE \(T.table) (
                \(T.id) \(generatedKey),
                \(T.measureCode) \(text) NOT NULL REFERENCES \(M.table) (\(M.code)),
                \(T.kind) \(text) NOT NULL CHECK (\(SQLText.oneOf(T.kind, ["local", "national", "statutory", "trajectory"]))),
                \(T.value) \(double) NOT NULL,
                \(T.tolerance) \(double) CHECK (\(T.tolerance) >= 0),
                \(T.periodLabel) \(text) NOT NULL DEFAULT '',
                \(T.validFrom) \(text) NOT NULL CHECK (\(T.validFrom) LIKE \(SQLText.isoDate)),
                \(T.validTo) \(text) CHECK (\(T.validTo) LIKE \(SQLText.isoDate)),
                \(T.setBy) \(text) NOT NULL CHECK (\(T.setBy) <> ''),
                \(T.setOn) \(text) NOT NULL CHECK (\(T.setOn) LIKE \(SQLText.isoDate)),
                \(T.reason) \(text) NOT NULL CHECK (\(T.reason) <> ''),
                \(T.decision) \(text),
                \(T.version) INTEGER NOT NULL CHECK (\(T.version) >= 1),
                CHECK (\(T.validTo) >= \(T.validFrom)),
                CHECK (\(T.kind) <> 'trajectory' OR \(T.periodLabel) <> ''),
                UNIQUE (\(T.measureCode), \(T.kind), \(T.periodLabel), \(T.version))
            )
            """,
            // At most one version of a target is open-ended at a time.
            "CREATE UNIQUE INDEX \(T.table)_in_force ON \(T.table) (\(T.measureCode), \(T.kind), \(T.periodLabel)) WHERE \(T.validTo) IS NULL",
        ]
    }

    /// The observation's own columns, shared by migration 1's current table and its history, with
    /// a CHECK allowing `periodKinds` (frozen per migration: a new kind is a new migration).
    static func observationFieldColumns(_ engine: DatabaseEngine, periodKinds: [String]) -> String {
        let text = engine.text, double = engine.double, keyReference = engine.generatedKeyReference
        typealias M = Schema.Measures
        typealias A = Schema.Areas
        typealias O = Schema.Observations
        typealias U = Schema.Audit
        return """
                \(O.measureCode) \(text) NOT NULL REFERENCES \(M.table) (\(M.code)),
                \(O.areaCode) \(text) NOT NULL REFERENCES \(A.table) (\(A.code)),
                \(O.periodLabel) \(text) NOT NULL CHECK (\(O.periodLabel) <> ''),
                \(O.periodKind) \(text) NOT NULL CHECK (\(SQLText.oneOf(O.periodKind, periodKinds))),
                \(O.periodStart) \(text) NOT NULL CHECK (\(O.periodStart) LIKE \(SQLText.isoDate)),
                \(O.periodEnd) \(text) NOT NULL CHECK (\(O.periodEnd) LIKE \(SQLText.isoDate)),
                \(O.breakdownKey) \(text) NOT NULL,
                \(O.value) \(double),
                \(O.numerator) \(double) CHECK (\(O.numerator) >= 0),
                \(O.denominator) \(double) CHECK (\(O.denominator) >= 0),
                \(O.lower95) \(double),
                \(O.upper95) \(double),
                \(O.lower99_8) \(double),
                \(O.upper99_8) \(double),
                \(O.statusSymbol) \(text) CHECK (\(SQLText.oneOf(O.statusSymbol, ["c", "z", "x", "u", "k", "low", "-", ".."]))),
                \(O.comparedToEngland) \(text),
                \(O.source) \(text) NOT NULL,
                \(O.published) \(text) CHECK (\(O.published) LIKE \(SQLText.isoDate)),
                \(O.nextUpdateDue) \(text) CHECK (\(O.nextUpdateDue) LIKE \(SQLText.isoDate)),
                \(O.importedBy) \(keyReference) NOT NULL REFERENCES \(U.table) (\(U.id))
            """
    }

    /// The checks across those columns (SQLite wants every column before the first table constraint).
    static let observationFieldChecks = """
                CHECK (\(Schema.Observations.periodStart) <= \(Schema.Observations.periodEnd)),
                CHECK (\(Schema.Observations.lower95) <= \(Schema.Observations.upper95)),
                CHECK (\(Schema.Observations.lower99_8) <= \(Schema.Observations.upper99_8))
            """

    /// `periods` as migration 5 created it, with a CHECK allowing `periodKinds` (frozen per
    /// migration: a new kind is a new migration).
    static func periodsTable(_ engine: DatabaseEngine, periodKinds: [String]) -> String {
        let text = engine.text
        typealias P = Schema.Periods
        return """
            CREATE TABLE \(P.table) (
                \(P.id) \(engine.generatedKey),
                \(P.label) \(text) NOT NULL CHECK (\(P.label) <> ''),
                \(P.kind) \(text) NOT NULL CHECK (\(SQLText.oneOf(P.kind, periodKinds))),
                \(P.start) \(text) NOT NULL CHECK (\(P.start) LIKE \(SQLText.isoDate)),
                \(P.end) \(text) NOT NULL CHECK (\(P.end) LIKE \(SQLText.isoDate)),
                CHECK (\(P.start) <= \(P.end)),
                CONSTRAINT \(P.table)_key UNIQUE (\(P.label), \(P.kind), \(P.start), \(P.end))
            )
            """
    }

    /// `observation_history` as migration 1 created it, named `table`, with `fields` from
    /// `observationFieldColumns`.
    static func observationHistoryTable(_ engine: DatabaseEngine, named table: String, fields: String) -> String {
        typealias O = Schema.Observations
        typealias H = Schema.ObservationHistory
        typealias U = Schema.Audit
        return """
            CREATE TABLE \(table) (
                \(H.id) \(engine.generatedKey),
            \(fields),
                \(H.supersededBy) \(engine.generatedKeyReference) NOT NULL REFERENCES \(U.table) (\(U.id)),
            \(observationFieldChecks),
                CHECK (\(H.supersededBy) > \(O.importedBy))
            )
            """
    }

    /// 2: England, the regions and the London sub-regions, which every database starts with.
    static let seedEnglandAndRegions = Migration(number: 2, name: "England, regions and London sub-regions") { _ in
        typealias A = Schema.Areas
        let rows = Area.englandAndRegions.map { area in
            "(" + [
                SQLText.literal(area.code), SQLText.literal(area.dfeCode), SQLText.literal(area.name),
                SQLText.literal(area.type.rawValue), SQLText.literal(area.regionCode),
            ].joined(separator: ", ") + ")"
        }
        return [
            "INSERT INTO \(A.table) (\(A.code), \(A.dfeCode), \(A.name), \(A.type), \(A.regionCode)) VALUES "
                + rows.joined(separator: ", "),
        ]
    }

    /// 3: committees, each with its definition (themes, owners, measure settings) as JSON.
    static let createCommittees = Migration(number: 3, name: "committees") { engine in
        typealias K = Schema.Committees
        typealias A = Schema.Areas
        let text = engine.text
        return [
            """
            CREATE TABLE \(K.table) (
                \(K.code) \(text) PRIMARY KEY CHECK (\(K.code) <> ''),
                \(K.name) \(text) NOT NULL CHECK (\(K.name) <> ''),
                \(K.councilAreaCode) \(text) NOT NULL REFERENCES \(A.table) (\(A.code)),
                \(K.definition) \(text) NOT NULL,
                \(K.updatedAt) \(text) NOT NULL
            )
            """,
        ]
    }
}

extension Migration {
    /// 4: people, their grants and sessions, sign-in failures, commentary and report publication.
    static let createPeopleAndReports = Migration(number: 4, name: "people, sessions, commentary, publication") { engine in
        let text = engine.text, generatedKey = engine.generatedKey, keyReference = engine.generatedKeyReference
        typealias U = Schema.Users
        typealias G = Schema.UserGrants
        typealias S = Schema.Sessions
        typealias F = Schema.SignInFailures
        typealias C = Schema.Commentary
        typealias P = Schema.Publications
        typealias K = Schema.Committees
        typealias A = Schema.Areas
        return [
            """
            CREATE TABLE \(U.table) (
                \(U.id) \(generatedKey),
                \(U.username) \(text) NOT NULL UNIQUE CHECK (\(U.username) <> ''),
                \(U.displayName) \(text) NOT NULL CHECK (\(U.displayName) <> ''),
                \(U.role) \(text) NOT NULL CHECK (\(SQLText.oneOf(U.role, Role.allCases.map(\.rawValue)))),
                \(U.councilAreaCode) \(text) REFERENCES \(A.table) (\(A.code)),
                \(U.passwordHash) \(text) NOT NULL CHECK (\(U.passwordHash) <> ''),
                \(U.createdAt) \(text) NOT NULL,
                \(U.updatedAt) \(text) NOT NULL
            )
            """,
            """
            CREATE TABLE \(G.table) (
                \(G.userId) \(keyReference) NOT NULL REFERENCES \(U.table) (\(U.id)) ON DELETE CASCADE,
                \(G.kind) \(text) NOT NULL CHECK (\(SQLText.oneOf(G.kind, ["committee", "measure"]))),
                \(G.code) \(text) NOT NULL CHECK (\(G.code) <> ''),
                PRIMARY KEY (\(G.userId), \(G.kind), \(G.code))
            )
            """,
            """
            CREATE TABLE \(S.table) (
                \(S.tokenHash) \(text) PRIMARY KEY,
                \(S.userId) \(keyReference) NOT NULL REFERENCES \(U.table) (\(U.id)) ON DELETE CASCADE,
                \(S.csrfToken) \(text) NOT NULL CHECK (\(S.csrfToken) <> ''),
                \(S.createdAt) \(text) NOT NULL,
                \(S.expiresAt) \(text) NOT NULL
            )
            """,
            "CREATE INDEX web_sessions_by_user ON \(S.table) (\(S.userId))",
            """
            CREATE TABLE \(F.table) (
                \(F.username) \(text) NOT NULL,
                \(F.failedAt) \(text) NOT NULL
            )
            """,
            "CREATE INDEX sign_in_failures_by_name ON \(F.table) (\(F.username), \(F.failedAt))",
            """
            CREATE TABLE \(C.table) (
                \(C.committeeCode) \(text) NOT NULL REFERENCES \(K.table) (\(K.code)),
                \(C.measureCode) \(text) NOT NULL CHECK (\(C.measureCode) <> ''),
                \(C.periodLabel) \(text) NOT NULL CHECK (\(C.periodLabel) <> ''),
                \(C.body) \(text) NOT NULL,
                \(C.author) \(text) NOT NULL CHECK (\(C.author) <> ''),
                \(C.writtenAt) \(text) NOT NULL,
                \(C.version) INTEGER NOT NULL CHECK (\(C.version) >= 1),
                PRIMARY KEY (\(C.committeeCode), \(C.measureCode), \(C.periodLabel), \(C.version))
            )
            """,
            """
            CREATE TABLE \(P.table) (
                \(P.committeeCode) \(text) NOT NULL REFERENCES \(K.table) (\(K.code)),
                \(P.periodLabel) \(text) NOT NULL CHECK (\(P.periodLabel) <> ''),
                \(P.stage) \(text) NOT NULL CHECK (\(SQLText.oneOf(P.stage, ReportPublication.Stage.allCases.map(\.rawValue)))),
                \(P.changedBy) \(text) NOT NULL,
                \(P.changedAt) \(text) NOT NULL,
                PRIMARY KEY (\(P.committeeCode), \(P.periodLabel))
            )
            """,
        ]
    }
}

extension Migration {
    /// 5: each observation stored as a series key and a period key with its figures, and the text
    /// of each series (measure, area, breakdown), period and source held once, instead of in every
    /// row: SQLite's own work for the 56,100-row LAIT import falls from about 120 ms to about 50 ms
    /// (BENCHMARKS.md, session 4). The stored observations move across; `observations` becomes a
    /// view with the columns of migration 1's table, so every read is unchanged. Superseded versions
    /// stay in `observation_history` as they are.
    static let storeObservationsBySeriesAndPeriod = Migration(number: 5, name: "observations by series and period") { engine in
        let text = engine.text, double = engine.double, generatedKey = engine.generatedKey, keyReference = engine.generatedKeyReference
        typealias M = Schema.Measures
        typealias A = Schema.Areas
        typealias U = Schema.Audit
        typealias O = Schema.Observations
        typealias S = Schema.Series
        typealias P = Schema.Periods
        typealias R = Schema.ObservationSources
        typealias V = Schema.ObservationValues
        let sameSource = [R.source, R.published, R.nextUpdateDue, R.importedBy].map { "r.\($0) IS NOT DISTINCT FROM o.\($0)" }
        return [
            """
            CREATE TABLE \(S.table) (
                \(S.id) \(generatedKey),
                \(S.measureCode) \(text) NOT NULL REFERENCES \(M.table) (\(M.code)),
                \(S.areaCode) \(text) NOT NULL REFERENCES \(A.table) (\(A.code)),
                \(S.breakdownKey) \(text) NOT NULL,
                CONSTRAINT \(S.table)_key UNIQUE (\(S.measureCode), \(S.areaCode), \(S.breakdownKey))
            )
            """,
            periodsTable(engine, periodKinds: ["year", "pooledYears", "quarter", "month"]),
            """
            CREATE TABLE \(R.table) (
                \(R.id) \(generatedKey),
                \(R.source) \(text) NOT NULL,
                \(R.published) \(text) CHECK (\(R.published) LIKE \(SQLText.isoDate)),
                \(R.nextUpdateDue) \(text) CHECK (\(R.nextUpdateDue) LIKE \(SQLText.isoDate)),
                \(R.importedBy) \(keyReference) NOT NULL REFERENCES \(U.table) (\(U.id))
            )
            """,
            // Keyed by series and period with no row id of its own on SQLite, so each row is stored
            // once, in its key's B-tree.
            """
            CREATE TABLE \(V.table) (
                \(V.seriesId) \(keyReference) NOT NULL REFERENCES \(S.table) (\(S.id)),
                \(V.periodId) \(keyReference) NOT NULL REFERENCES \(P.table) (\(P.id)),
                \(V.sourceId) \(keyReference) NOT NULL REFERENCES \(R.table) (\(R.id)),
                \(O.value) \(double),
                \(O.statusSymbol) \(text) CHECK (\(SQLText.oneOf(O.statusSymbol, ["c", "z", "x", "u", "k", "low", "-", ".."]))),
                \(O.numerator) \(double) CHECK (\(O.numerator) >= 0),
                \(O.denominator) \(double) CHECK (\(O.denominator) >= 0),
                \(O.lower95) \(double),
                \(O.upper95) \(double),
                \(O.lower99_8) \(double),
                \(O.upper99_8) \(double),
                \(O.comparedToEngland) \(text),
                CHECK (\(O.lower95) <= \(O.upper95)),
                CHECK (\(O.lower99_8) <= \(O.upper99_8)),
                PRIMARY KEY (\(V.seriesId), \(V.periodId))
            )\(engine == .sqlite ? " WITHOUT ROWID" : "")
            """,
            // The stored observations move across, numbered in key order.
            """
            INSERT INTO \(S.table) (\(S.columns.joined(separator: ", ")))
            SELECT DISTINCT \(O.measureCode), \(O.areaCode), \(O.breakdownKey) FROM \(O.table)
            ORDER BY \(O.measureCode), \(O.areaCode), \(O.breakdownKey)
            """,
            """
            INSERT INTO \(P.table) (\(P.columns.joined(separator: ", ")))
            SELECT DISTINCT \(O.periodLabel), \(O.periodKind), \(O.periodStart), \(O.periodEnd) FROM \(O.table)
            ORDER BY \(O.periodLabel), \(O.periodKind), \(O.periodStart), \(O.periodEnd)
            """,
            """
            INSERT INTO \(R.table) (\(R.columns.joined(separator: ", ")))
            SELECT DISTINCT \(O.source), \(O.published), \(O.nextUpdateDue), \(O.importedBy) FROM \(O.table)
            ORDER BY \(O.importedBy), \(O.source), \(O.published), \(O.nextUpdateDue)
            """,
            """
            INSERT INTO \(V.table) (\(V.columns.joined(separator: ", ")))
            SELECT s.\(S.id), p.\(P.id), r.\(R.id), \(V.columns.dropFirst(3).map { "o.\($0)" }.joined(separator: ", "))
            FROM \(O.table) o
            JOIN \(S.table) s ON s.\(S.measureCode) = o.\(O.measureCode) AND s.\(S.areaCode) = o.\(O.areaCode)
                AND s.\(S.breakdownKey) = o.\(O.breakdownKey)
            JOIN \(P.table) p ON p.\(P.label) = o.\(O.periodLabel) AND p.\(P.kind) = o.\(O.periodKind)
                AND p.\(P.start) = o.\(O.periodStart) AND p.\(P.end) = o.\(O.periodEnd)
            JOIN \(R.table) r ON \(sameSource.joined(separator: " AND "))
            ORDER BY s.\(S.id), p.\(P.id)
            """,
            "DROP TABLE \(O.table)",
            """
            CREATE VIEW \(O.table) AS SELECT
                s.\(S.measureCode) AS \(O.measureCode), s.\(S.areaCode) AS \(O.areaCode),
                p.\(P.label) AS \(O.periodLabel), p.\(P.kind) AS \(O.periodKind),
                p.\(P.start) AS \(O.periodStart), p.\(P.end) AS \(O.periodEnd), s.\(S.breakdownKey) AS \(O.breakdownKey),
                v.\(O.value), v.\(O.numerator), v.\(O.denominator), v.\(O.lower95), v.\(O.upper95), v.\(O.lower99_8),
                v.\(O.upper99_8), v.\(O.statusSymbol), v.\(O.comparedToEngland),
                r.\(R.source) AS \(O.source), r.\(R.published) AS \(O.published),
                r.\(R.nextUpdateDue) AS \(O.nextUpdateDue), r.\(R.importedBy) AS \(O.importedBy),
                v.\(V.seriesId), v.\(V.periodId)
            FROM \(V.table) v
            JOIN \(S.table) s ON s.\(S.id) = v.\(V.seriesId)
            JOIN \(P.table) p ON p.\(P.id) = v.\(V.periodId)
            JOIN \(R.table) r ON r.\(R.id) = v.\(V.sourceId)
            """,
        ]
    }
}

extension Migration {
    /// 6: each target belongs to one council, so councils sharing a database each keep their own
    /// target for a measure (before, a second council's committee replaced the first's). The
    /// table is rebuilt with the council column and the unique keys by council. Each stored
    /// version is kept for every council that has a committee, as it applied to all of them; with
    /// targets stored but no committee, the council is NULL and the migration fails, losing nothing.
    static let keepTargetsByCouncil = Migration(number: 6, name: "targets by council") { engine in
        let text = engine.text, double = engine.double, generatedKey = engine.generatedKey
        typealias M = Schema.Measures
        typealias A = Schema.Areas
        typealias T = Schema.Targets
        typealias K = Schema.Committees
        let rebuilt = "\(T.table)_by_council"
        let copied = [
            T.measureCode, T.kind, T.value, T.tolerance, T.periodLabel, T.validFrom, T.validTo, T.setBy, T.setOn, T.reason,
            T.decision, T.version,
        ]
        return [
            """
            CREATE TABLE \(rebuilt) (
                \(T.id) \(generatedKey),
                \(T.measureCode) \(text) NOT NULL REFERENCES \(M.table) (\(M.code)),
                \(T.councilAreaCode) \(text) NOT NULL REFERENCES \(A.table) (\(A.code)),
                \(T.kind) \(text) NOT NULL CHECK (\(SQLText.oneOf(T.kind, ["local", "national", "statutory", "trajectory"]))),
                \(T.value) \(double) NOT NULL,
                \(T.tolerance) \(double) CHECK (\(T.tolerance) >= 0),
                \(T.periodLabel) \(text) NOT NULL DEFAULT '',
                \(T.validFrom) \(text) NOT NULL CHECK (\(T.validFrom) LIKE \(SQLText.isoDate)),
                \(T.validTo) \(text) CHECK (\(T.validTo) LIKE \(SQLText.isoDate)),
                \(T.setBy) \(text) NOT NULL CHECK (\(T.setBy) <> ''),
                \(T.setOn) \(text) NOT NULL CHECK (\(T.setOn) LIKE \(SQLText.isoDate)),
                \(T.reason) \(text) NOT NULL CHECK (\(T.reason) <> ''),
                \(T.decision) \(text),
                \(T.version) INTEGER NOT NULL CHECK (\(T.version) >= 1),
                CHECK (\(T.validTo) >= \(T.validFrom)),
                CHECK (\(T.kind) <> 'trajectory' OR \(T.periodLabel) <> ''),
                CONSTRAINT \(T.table)_version_key UNIQUE (\(T.councilAreaCode), \(T.measureCode), \(T.kind), \(T.periodLabel), \(T.version))
            )
            """,
            """
            INSERT INTO \(rebuilt) (\(T.councilAreaCode), \(copied.joined(separator: ", ")))
            SELECT c.\(K.councilAreaCode), \(copied.map { "t.\($0)" }.joined(separator: ", "))
            FROM \(T.table) t LEFT JOIN (SELECT DISTINCT \(K.councilAreaCode) FROM \(K.table)) c ON 1 = 1
            ORDER BY c.\(K.councilAreaCode), t.\(T.id)
            """,
            "DROP TABLE \(T.table)",
            "ALTER TABLE \(rebuilt) RENAME TO \(T.table)",
            // At most one version of a council's target is open-ended at a time.
            """
            CREATE UNIQUE INDEX \(T.table)_in_force ON \(T.table) (\(T.councilAreaCode), \(T.measureCode), \(T.kind), \(T.periodLabel))
            WHERE \(T.validTo) IS NULL
            """,
        ]
    }
}

extension Migration {
    /// 7: a council's own (local) measure records its council, so another council's import
    /// cannot redefine it (before, a second council's local measure with the same code replaced
    /// the first's definition). A stored measure is taken as a council's own when every stored
    /// figure of it came from a local import and they are for one local authority (with England
    /// or regions beside it, if any); every other measure stays published (NULL).
    static let keepLocalMeasuresByCouncil = Migration(number: 7, name: "local measures by council") { engine in
        typealias M = Schema.Measures
        typealias A = Schema.Areas
        typealias S = Schema.Series
        typealias V = Schema.ObservationValues
        typealias R = Schema.ObservationSources
        typealias U = Schema.Audit
        let councilsOfMeasure = """
            FROM \(S.table) s JOIN \(A.table) a ON a.\(A.code) = s.\(S.areaCode)
            WHERE s.\(S.measureCode) = \(M.table).\(M.code) AND a.\(A.type) = 'localAuthority'
            """
        return [
            "ALTER TABLE \(M.table) ADD COLUMN \(M.councilAreaCode) \(engine.text) REFERENCES \(A.table) (\(A.code))",
            """
            UPDATE \(M.table) SET \(M.councilAreaCode) = (SELECT MIN(s.\(S.areaCode)) \(councilsOfMeasure))
            WHERE (SELECT COUNT(DISTINCT s.\(S.areaCode)) \(councilsOfMeasure)) = 1
            AND NOT EXISTS (
                SELECT 1 FROM \(S.table) s
                JOIN \(V.table) v ON v.\(V.seriesId) = s.\(S.id)
                JOIN \(R.table) r ON r.\(R.id) = v.\(V.sourceId)
                JOIN \(U.table) u ON u.\(U.id) = r.\(R.importedBy)
                WHERE s.\(S.measureCode) = \(M.table).\(M.code) AND u.\(U.action) <> 'import local'
            )
            """,
        ]
    }
}

extension Migration {
    /// 8: the comparator groups a council defines (issue 4's domain model: England, region,
    /// statistical neighbours, "and groups a council defines"), each a set of member councils.
    static let createComparatorGroups = Migration(number: 8, name: "comparator groups") { engine in
        typealias G = Schema.ComparatorGroups
        typealias B = Schema.ComparatorGroupMembers
        typealias A = Schema.Areas
        let text = engine.text
        return [
            """
            CREATE TABLE \(G.table) (
                \(G.code) \(text) PRIMARY KEY CHECK (\(G.code) <> ''),
                \(G.name) \(text) NOT NULL CHECK (\(G.name) <> ''),
                \(G.ownerAreaCode) \(text) REFERENCES \(A.table) (\(A.code))
            )
            """,
            """
            CREATE TABLE \(B.table) (
                \(B.groupCode) \(text) NOT NULL REFERENCES \(G.table) (\(G.code)),
                \(B.areaCode) \(text) NOT NULL REFERENCES \(A.table) (\(A.code)),
                PRIMARY KEY (\(B.groupCode), \(B.areaCode))
            )
            """,
        ]
    }
}

extension Migration {
    /// 9: a period may be a school term or the autumn and spring terms together (`term`,
    /// `twoTerms`: DfE's termly pupil absence), so the period-kind CHECKs of `periods` and
    /// `observation_history` allow them. PostgreSQL replaces the two constraints. SQLite cannot
    /// alter a CHECK, so it rebuilds both tables with every row and key as they were; `periods` is
    /// the parent of every stored observation, so for that rebuild the foreign keys are checked at
    /// the commit (`defer_foreign_keys`): each observation's period is found again as the rows go
    /// back in, or the migration fails and nothing changes.
    static let allowSchoolTermPeriods = Migration(number: 9, name: "school-term periods") { engine in
        let kinds = ["year", "pooledYears", "quarter", "month", "term", "twoTerms"]
        typealias O = Schema.Observations
        typealias H = Schema.ObservationHistory
        typealias P = Schema.Periods
        typealias V = Schema.ObservationValues
        let periodsCheck = SQLText.oneOf(P.kind, kinds), historyCheck = SQLText.oneOf(O.periodKind, kinds)
        switch engine {
        case .postgresql:
            // The names PostgreSQL gave the column CHECKs of migrations 1 and 5.
            return [
                "ALTER TABLE \(P.table) DROP CONSTRAINT \(P.table)_\(P.kind)_check",
                "ALTER TABLE \(P.table) ADD CONSTRAINT \(P.table)_\(P.kind)_check CHECK (\(periodsCheck))",
                "ALTER TABLE \(H.table) DROP CONSTRAINT \(H.table)_\(O.periodKind)_check",
                "ALTER TABLE \(H.table) ADD CONSTRAINT \(H.table)_\(O.periodKind)_check CHECK (\(historyCheck))",
            ]
        case .sqlite:
            let kept = "\(P.table)_kept", rebuilt = "\(H.table)_rebuilt"
            let periodColumns = ([P.id] + P.columns).joined(separator: ", ")
            let historyColumns = ([H.id] + O.fieldColumns + [O.importedBy, H.supersededBy]).joined(separator: ", ")
            return [
                "PRAGMA defer_foreign_keys = ON",
                // Each period dropped and put back is looked up among the observations by its key.
                "CREATE INDEX \(V.table)_by_period ON \(V.table) (\(V.periodId))",
                "CREATE TABLE \(kept) AS SELECT \(periodColumns) FROM \(P.table)",
                "DROP TABLE \(P.table)",
                periodsTable(engine, periodKinds: kinds),
                "INSERT INTO \(P.table) (\(periodColumns)) SELECT \(periodColumns) FROM \(kept) ORDER BY \(P.id)",
                "DROP TABLE \(kept)",
                "DROP INDEX \(V.table)_by_period",
                observationHistoryTable(engine, named: rebuilt, fields: observationFieldColumns(engine, periodKinds: kinds)),
                "INSERT INTO \(rebuilt) (\(historyColumns)) SELECT \(historyColumns) FROM \(H.table) ORDER BY \(H.id)",
                "DROP TABLE \(H.table)",
                "ALTER TABLE \(rebuilt) RENAME TO \(H.table)",
                "CREATE INDEX \(H.table)_by_key ON \(H.table) (\(O.keyColumns.joined(separator: ", ")))",
            ]
        }
    }
}

extension Migration {
    /// 10: what each published report said when it was published (PRODUCT.md R15). A report's
    /// snapshot is its assessment for every audience, its commentary and its targets, as JSON in
    /// `body` (`format` is `ReportSnapshot.format`). Publishing again adds a version; none is changed
    /// or removed.
    static let keepPublishedReports = Migration(number: 10, name: "published report snapshots") { engine in
        let text = engine.text
        typealias S = Schema.Snapshots
        typealias K = Schema.Committees
        return [
            """
            CREATE TABLE \(S.table) (
                \(S.committeeCode) \(text) NOT NULL REFERENCES \(K.table) (\(K.code)),
                \(S.periodLabel) \(text) NOT NULL CHECK (\(S.periodLabel) <> ''),
                \(S.version) INTEGER NOT NULL CHECK (\(S.version) >= 1),
                \(S.takenBy) \(text) NOT NULL CHECK (\(S.takenBy) <> ''),
                \(S.takenAt) \(text) NOT NULL,
                \(S.format) INTEGER NOT NULL CHECK (\(S.format) >= 1),
                \(S.body) \(text) NOT NULL,
                PRIMARY KEY (\(S.committeeCode), \(S.periodLabel), \(S.version))
            )
            """,
        ]
    }
}

extension Migration {
    /// 11: what each committee asked for at its meetings and each answer (PRODUCT.md R12). A
    /// one-off request has at most one delivery; a recurring one has one per report, which
    /// `period_label` names. A request is closed with the day and the reason together.
    static let trackCommitteeRequests = Migration(number: 11, name: "committee requests") { engine in
        let text = engine.text
        typealias R = Schema.Requests
        typealias D = Schema.RequestDeliveries
        typealias K = Schema.Committees
        typealias M = Schema.Measures
        let date = SQLText.isoDate
        return [
            """
            CREATE TABLE \(R.table) (
                \(R.committeeCode) \(text) NOT NULL REFERENCES \(K.table) (\(K.code)),
                \(R.number) INTEGER NOT NULL CHECK (\(R.number) >= 1),
                \(R.raisedOn) \(text) NOT NULL CHECK (\(R.raisedOn) LIKE \(date)),
                \(R.askedBy) \(text) NOT NULL,
                \(R.request) \(text) NOT NULL CHECK (\(R.request) <> ''),
                \(R.providedBy) \(text) NOT NULL,
                \(R.dueBy) \(text) CHECK (\(R.dueBy) LIKE \(date) AND \(R.dueBy) >= \(R.raisedOn)),
                \(R.recurrence) \(text) NOT NULL CHECK (\(SQLText.oneOf(R.recurrence, ["once", "every-report"]))),
                \(R.measureCode) \(text) REFERENCES \(M.table) (\(M.code)),
                \(R.closedOn) \(text) CHECK (\(R.closedOn) LIKE \(date) AND \(R.closedOn) >= \(R.raisedOn)),
                \(R.closedReason) \(text),
                \(R.recordedBy) \(text) NOT NULL CHECK (\(R.recordedBy) <> ''),
                \(R.recordedAt) \(text) NOT NULL,
                PRIMARY KEY (\(R.committeeCode), \(R.number)),
                CHECK ((\(R.closedOn) IS NULL AND \(R.closedReason) IS NULL) OR (\(R.closedOn) IS NOT NULL AND \(R.closedReason) <> ''))
            )
            """,
            """
            CREATE TABLE \(D.table) (
                \(D.committeeCode) \(text) NOT NULL,
                \(D.number) INTEGER NOT NULL,
                \(D.delivery) INTEGER NOT NULL CHECK (\(D.delivery) >= 1),
                \(D.periodLabel) \(text) CHECK (\(D.periodLabel) <> ''),
                \(D.deliveredOn) \(text) NOT NULL CHECK (\(D.deliveredOn) LIKE \(date)),
                \(D.note) \(text) NOT NULL CHECK (\(D.note) <> ''),
                \(D.recordedBy) \(text) NOT NULL CHECK (\(D.recordedBy) <> ''),
                \(D.recordedAt) \(text) NOT NULL,
                PRIMARY KEY (\(D.committeeCode), \(D.number), \(D.delivery)),
                UNIQUE (\(D.committeeCode), \(D.number), \(D.periodLabel)),
                FOREIGN KEY (\(D.committeeCode), \(D.number)) REFERENCES \(R.table) (\(R.committeeCode), \(R.number))
            )
            """,
        ]
    }
}

extension Migration {
    /// 12: the risks each committee owns, one row per review (PRODUCT.md R11). Likelihood and
    /// impact are 1 to 5; a target has both or neither.
    static let keepRiskRegisters = Migration(number: 12, name: "risk registers") { engine in
        let text = engine.text
        typealias R = Schema.RiskReviews
        typealias K = Schema.Committees
        func factor(_ column: String) -> String { "\(column) BETWEEN 1 AND 5" }
        return [
            """
            CREATE TABLE \(R.table) (
                \(R.committeeCode) \(text) NOT NULL REFERENCES \(K.table) (\(K.code)),
                \(R.reference) \(text) NOT NULL CHECK (\(R.reference) <> ''),
                \(R.reviewedOn) \(text) NOT NULL CHECK (\(R.reviewedOn) LIKE \(SQLText.isoDate)),
                \(R.title) \(text) NOT NULL CHECK (\(R.title) <> ''),
                \(R.description) \(text) NOT NULL,
                \(R.owner) \(text) NOT NULL CHECK (\(R.owner) <> ''),
                \(R.likelihood) INTEGER NOT NULL CHECK (\(factor(R.likelihood))),
                \(R.impact) INTEGER NOT NULL CHECK (\(factor(R.impact))),
                \(R.targetLikelihood) INTEGER CHECK (\(factor(R.targetLikelihood))),
                \(R.targetImpact) INTEGER CHECK (\(factor(R.targetImpact))),
                \(R.mitigation) \(text) NOT NULL CHECK (\(R.mitigation) <> ''),
                \(R.status) \(text) NOT NULL CHECK (\(SQLText.oneOf(R.status, ["open", "closed"]))),
                PRIMARY KEY (\(R.committeeCode), \(R.reference), \(R.reviewedOn)),
                CHECK ((\(R.targetLikelihood) IS NULL AND \(R.targetImpact) IS NULL) OR (\(R.targetLikelihood) IS NOT NULL AND \(R.targetImpact) IS NOT NULL))
            )
            """,
        ]
    }
}

extension Migration {
    /// 13: each committee's quarterly finance returns (PRODUCT.md R10). Amounts are whole pence
    /// in 64-bit integers, so totals add up exactly; completion dates are for capital schemes.
    static let keepFinanceReturns = Migration(number: 13, name: "finance returns") { engine in
        let text = engine.text
        typealias F = Schema.FinanceLines
        typealias K = Schema.Committees
        func named(_ column: String) -> String { "\(column) \(text) NOT NULL CHECK (\(column) <> '')" }
        return [
            """
            CREATE TABLE \(F.table) (
                \(F.committeeCode) \(text) NOT NULL REFERENCES \(K.table) (\(K.code)),
                \(F.period) \(text) NOT NULL CHECK (\(F.period) LIKE '____/__ Q_'),
                \(F.kind) \(text) NOT NULL CHECK (\(SQLText.oneOf(F.kind, ["revenue", "savings", "income", "capital"]))),
                \(named(F.service)),
                \(named(F.line)),
                \(F.budgetPence) BIGINT NOT NULL,
                \(F.forecastPence) BIGINT NOT NULL,
                \(F.plannedCompletion) \(text) CHECK (\(F.plannedCompletion) LIKE \(SQLText.isoDate)),
                \(F.forecastCompletion) \(text) CHECK (\(F.forecastCompletion) LIKE \(SQLText.isoDate)),
                \(F.explanation) \(text) NOT NULL,
                PRIMARY KEY (\(F.committeeCode), \(F.period), \(F.kind), \(F.service), \(F.line)),
                CHECK (\(F.kind) = 'revenue' OR (\(F.budgetPence) >= 0 AND \(F.forecastPence) >= 0)),
                CHECK (\(F.kind) = 'capital' OR (\(F.plannedCompletion) IS NULL AND \(F.forecastCompletion) IS NULL))
            )
            """,
        ]
    }
}

extension Migration {
    /// 14: the day a committee request was first promised for, kept once the promise moves
    /// (PRODUCT.md R12), so a slipped deadline shows beside the one now promised. Empty for the
    /// requests recorded before: their earlier days are in the audit trail only.
    static let keepFirstPromisedDays = Migration(number: 14, name: "first promised days of requests") { engine in
        typealias R = Schema.Requests
        return [
            "ALTER TABLE \(R.table) ADD COLUMN \(R.firstDueBy) \(engine.text) CHECK (\(R.firstDueBy) LIKE \(SQLText.isoDate) AND \(R.firstDueBy) >= \(R.raisedOn))",
        ]
    }
}

extension Migration {
    /// 15: the revision of the data each published report was taken at: the audit entry that
    /// recorded its publication. Audit ids order changes exactly, where times to the second do
    /// not, so a figure revised after publication is told from one revised before it even in the
    /// same second (PRODUCT.md R15). Earlier snapshots are given the entry their publication wrote
    /// ("mark report CODE PERIOD published (snapshot N)"), else the newest at or before their time.
    static let keepPublishedRevisions = Migration(number: 15, name: "revisions of published reports") { engine in
        typealias S = Schema.Snapshots
        typealias U = Schema.Audit
        let publishedAction = "'mark report ' || \(S.table).\(S.committeeCode) || ' ' || \(S.table).\(S.periodLabel) || ' published (snapshot ' || \(S.table).\(S.version) || ')'"
        return [
            "ALTER TABLE \(S.table) ADD COLUMN \(S.revision) INTEGER REFERENCES \(U.table) (\(U.id))",
            """
            UPDATE \(S.table) SET \(S.revision) = COALESCE(
                (SELECT MAX(\(U.id)) FROM \(U.table) WHERE \(U.action) = \(publishedAction)),
                (SELECT MAX(\(U.id)) FROM \(U.table) WHERE \(U.recordedAt) <= \(S.table).\(S.takenAt)))
            """,
        ]
    }
}

extension Migration {
    /// 16: councils split or merged into others, each succession a pair of councils and the first
    /// day the successor served (Cumbria by Cumberland and by Westmorland and Furness from
    /// 2023-04-01), so a council is compared only in the periods it served (PRODUCT.md R5).
    static let keepAreaSuccessions = Migration(number: 16, name: "successions of councils") { engine in
        typealias S = Schema.AreaSuccessions
        typealias A = Schema.Areas
        let text = engine.text
        return [
            """
            CREATE TABLE \(S.table) (
                \(S.predecessorCode) \(text) NOT NULL REFERENCES \(A.table) (\(A.code)),
                \(S.successorCode) \(text) NOT NULL REFERENCES \(A.table) (\(A.code)),
                \(S.from) \(text) NOT NULL CHECK (\(S.from) LIKE \(SQLText.isoDate)),
                PRIMARY KEY (\(S.predecessorCode), \(S.successorCode)),
                CHECK (\(S.predecessorCode) <> \(S.successorCode))
            )
            """,
        ]
    }
}

/// Writing a constant as SQL text, for the few statements (seed rows) that carry no bound values.
enum SQLText {
    /// A LIKE pattern for an ISO 8601 date (`2025-03-31`), which every date column's CHECK uses.
    static let isoDate = "'____-__-__'"

    /// A single-quoted SQL string literal (quotes doubled), or NULL.
    static func literal(_ text: String?) -> String {
        guard let text else { return "NULL" }
        return "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// A CHECK condition, `column = 'a' OR column = 'b' …`, for constants written by Scrutineer (not
    /// input). Not `IN (…)`: SQLite evaluates an `IN` list in a CHECK by building a temporary index
    /// for every row inserted, which made imports twice as slow.
    static func oneOf(_ column: String, _ values: [String]) -> String {
        values.map { "\(column) = \(literal($0))" }.joined(separator: " OR ")
    }

}
