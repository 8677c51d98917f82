/// The tables of migration 4: people, their grants and sessions, sign-in failures, commentary
/// and report publication.
extension Schema {
    /// People who sign in.
    enum Users {
        static let table = "users"
        static let id = "id"
        static let username = "username"
        static let displayName = "display_name"
        static let role = "role"
        static let councilAreaCode = "council_area_code"
        static let passwordHash = "password_hash"
        static let createdAt = "created_at"
        static let updatedAt = "updated_at"

        static let columns = [username, displayName, role, councilAreaCode, passwordHash, createdAt, updatedAt]
    }

    /// What a person is given: committees (members) and measures (officers).
    enum UserGrants {
        static let table = "user_grants"
        static let userId = "user_id"
        static let kind = "kind"
        static let code = "code"

        static let columns = [userId, kind, code]
    }

    /// Signed-in sessions, shared by every server on the database. The token itself is never
    /// stored: only its SHA-256.
    enum Sessions {
        static let table = "web_sessions"
        static let tokenHash = "token_hash"
        static let userId = "user_id"
        static let csrfToken = "csrf_token"
        static let createdAt = "created_at"
        static let expiresAt = "expires_at"

        static let columns = [tokenHash, userId, csrfToken, createdAt, expiresAt]
    }

    /// Failed sign-ins, for rate limiting across servers.
    enum SignInFailures {
        static let table = "sign_in_failures"
        static let username = "username"
        static let failedAt = "failed_at"

        static let columns = [username, failedAt]
    }

    /// Commentary on a measure for a reporting period, every version kept.
    enum Commentary {
        static let table = "commentary"
        static let committeeCode = "committee_code"
        static let measureCode = "measure_code"
        static let periodLabel = "period_label"
        static let body = "body"
        static let author = "author"
        static let writtenAt = "written_at"
        static let version = "version"

        static let columns = [committeeCode, measureCode, periodLabel, body, author, writtenAt, version]
    }

    /// Each committee report's sign-off stage.
    enum Publications {
        static let table = "report_publications"
        static let committeeCode = "committee_code"
        static let periodLabel = "period_label"
        static let stage = "stage"
        static let changedBy = "changed_by"
        static let changedAt = "changed_at"

        static let columns = [committeeCode, periodLabel, stage, changedBy, changedAt]
    }

    /// What each published report said when it was published (migration 10): every publication of
    /// a report is kept, newest version last.
    enum Snapshots {
        static let table = "report_snapshots"
        static let committeeCode = "committee_code"
        static let periodLabel = "period_label"
        static let version = "version"
        static let takenBy = "taken_by"
        static let takenAt = "taken_at"
        static let format = "format"
        static let body = "body"
        /// The audit entry that recorded the publication (migration 15): the data's revision then.
        static let revision = "audit_id"

        static let columns = [committeeCode, periodLabel, version, takenBy, takenAt, format, body, revision]
    }
}
