/// Every table and column name, declared once. Migrations and queries spell names only through
/// these constants.
enum Schema {
    /// Which numbered migrations have been applied.
    enum Migrations {
        static let table = "schema_migrations"
        static let number = "number"
        static let name = "name"
        static let appliedAt = "applied_at"
    }

    /// One row per measure (PRODUCT.md R1).
    enum Measures {
        static let table = "measures"
        static let code = "code"
        static let title = "title"
        static let definition = "definition"
        static let theme = "theme"
        static let owner = "owner"
        static let unit = "unit"
        static let decimalPlaces = "decimal_places"
        static let polarity = "polarity"
        static let periodicity = "periodicity"
        static let yearType = "year_type"
        static let source = "source"
        static let publicationLagDays = "publication_lag_days"
        static let benchmarkComparison = "benchmark_comparison"
        static let directionOfTravel = "direction_of_travel"
        static let planPriority = "plan_priority"
        /// The council whose own measure it is (migration 7); NULL for a published measure.
        static let councilAreaCode = "council_area_code"

        /// Every column, in the order rows are written.
        static let columns = [
            code, title, definition, theme, owner, unit, decimalPlaces, polarity, periodicity, yearType, source,
            publicationLagDays, benchmarkComparison, directionOfTravel, planPriority, councilAreaCode,
        ]
    }

    /// The committees whose remit includes a measure, in the order given.
    enum MeasureCommittees {
        static let table = "measure_committees"
        static let measureCode = "measure_code"
        static let ordinal = "ordinal"
        static let committee = "committee"

        static let columns = [measureCode, ordinal, committee]
    }

    /// Countries, regions and local authorities (PRODUCT.md R5).
    enum Areas {
        static let table = "areas"
        static let code = "code"
        static let dfeCode = "dfe_code"
        static let name = "name"
        static let type = "area_type"
        static let regionCode = "region_code"
        static let successorCode = "successor_code"
        static let firstYear = "first_year"
        static let lastYear = "last_year"

        static let columns = [code, dfeCode, name, type, regionCode, successorCode, firstYear, lastYear]
    }

    /// Councils split or merged into others: who took over whose area from what day (PRODUCT.md R5).
    enum AreaSuccessions {
        static let table = "area_successions"
        static let predecessorCode = "predecessor_code"
        static let successorCode = "successor_code"
        static let from = "from_date"

        static let columns = [predecessorCode, successorCode, from]
    }

    /// DfE statistical-neighbour lists, one row per neighbour, versioned by edition.
    enum Neighbours {
        static let table = "statistical_neighbours"
        static let edition = "edition"
        static let areaCode = "area_code"
        static let rank = "neighbour_rank"
        static let neighbourCode = "neighbour_code"
        static let closeness = "closeness"

        static let columns = [edition, areaCode, rank, neighbourCode, closeness]
    }

    /// Comparator groups a council defines, or every council sees (migration 8).
    enum ComparatorGroups {
        static let table = "comparator_groups"
        static let code = "code"
        static let name = "name"
        /// The council whose own group it is; NULL for every council's.
        static let ownerAreaCode = "owner_area_code"

        static let columns = [code, name, ownerAreaCode]
    }

    /// The member councils of each comparator group, one row per member (migration 8).
    enum ComparatorGroupMembers {
        static let table = "comparator_group_members"
        static let groupCode = "group_code"
        static let areaCode = "area_code"

        static let columns = [groupCode, areaCode]
    }

    /// The current observations as read: since migration 5 a view over `ObservationValues`,
    /// `Series`, `Periods` and `ObservationSources` with the columns of migration 1's table (which
    /// had the same name); `ObservationHistory` holds the versions they superseded.
    enum Observations {
        static let table = "observations"
        /// Migration 1's table's own key (the view has none: a row is found by its series and period).
        static let id = "id"
        static let measureCode = "measure_code"
        static let areaCode = "area_code"
        static let periodLabel = "period_label"
        static let periodKind = "period_kind"
        static let periodStart = "period_start"
        static let periodEnd = "period_end"
        static let breakdownKey = "breakdown_key"
        static let value = "value"
        static let numerator = "numerator"
        static let denominator = "denominator"
        static let lower95 = "lower_95"
        static let upper95 = "upper_95"
        static let lower99_8 = "lower_99_8"
        static let upper99_8 = "upper_99_8"
        static let statusSymbol = "status_symbol"
        static let comparedToEngland = "compared_to_england"
        static let source = "source"
        static let published = "published"
        static let nextUpdateDue = "next_update_due"
        /// The audit row of the import that wrote this version.
        static let importedBy = "imported_by"

        /// The columns that hold an observation's fields, in the order rows are written; the
        /// history table has the same ones.
        static let fieldColumns = [
            measureCode, areaCode, periodLabel, periodKind, periodStart, periodEnd, breakdownKey,
            value, numerator, denominator, lower95, upper95, lower99_8, upper99_8,
            statusSymbol, comparedToEngland, source, published, nextUpdateDue,
        ]
        /// What identifies a cell: a re-import with the same key supersedes it.
        static let keyColumns = [measureCode, areaCode, periodLabel, breakdownKey]
    }

    /// A measure for an area and breakdown: the text every observation of it shares (migration 5).
    enum Series {
        static let table = "series"
        static let id = "id"
        static let measureCode = "measure_code"
        static let areaCode = "area_code"
        static let breakdownKey = "breakdown_key"

        static let columns = [measureCode, areaCode, breakdownKey]
    }

    /// Every period observations are stored for, once each (migration 5).
    enum Periods {
        static let table = "periods"
        static let id = "id"
        static let label = "label"
        static let kind = "kind"
        static let start = "start_date"
        static let end = "end_date"

        static let columns = [label, kind, start, end]
    }

    /// Where an import's observations came from: the file, its publication dates and the audit row
    /// of the import (migration 5).
    enum ObservationSources {
        static let table = "observation_sources"
        static let id = "id"
        static let source = "source"
        static let published = "published"
        static let nextUpdateDue = "next_update_due"
        static let importedBy = "imported_by"

        static let columns = [source, published, nextUpdateDue, importedBy]
    }

    /// The current observations as stored (migration 5): a series and a period by key, the
    /// figures, and the source by key.
    enum ObservationValues {
        static let table = "observation_values"
        static let seriesId = "series_id"
        static let periodId = "period_id"
        static let sourceId = "source_id"
        typealias O = Observations

        /// Every column, in the order rows are written: the keys, then the figures, those most
        /// often blank last (SQLite stores nothing for trailing NULLs).
        static let columns = [
            seriesId, periodId, sourceId, O.value, O.statusSymbol, O.numerator, O.denominator,
            O.lower95, O.upper95, O.lower99_8, O.upper99_8, O.comparedToEngland,
        ]
    }

    /// Superseded versions of observations.
    enum ObservationHistory {
        static let table = "observation_history"
        static let id = "id"
        /// The audit row of the import that replaced this version.
        static let supersededBy = "superseded_by"
    }

    /// Every version of every target (PRODUCT.md R3).
    enum Targets {
        static let table = "targets"
        static let id = "id"
        static let measureCode = "measure_code"
        /// The council whose target it is (migration 6).
        static let councilAreaCode = "council_area_code"
        static let kind = "kind"
        static let value = "value"
        static let tolerance = "tolerance"
        /// '' when the target is not for one period (a NULL would escape the unique keys).
        static let periodLabel = "period_label"
        static let validFrom = "valid_from"
        static let validTo = "valid_to"
        static let setBy = "set_by"
        static let setOn = "set_on"
        static let reason = "reason"
        static let decision = "decision"
        static let version = "version"

        static let columns = [
            measureCode, councilAreaCode, kind, value, tolerance, periodLabel, validFrom, validTo, setBy, setOn, reason, decision,
            version,
        ]
    }

    /// Committees and their definitions (themes, measure settings) as one JSON document each.
    enum Committees {
        static let table = "committees"
        static let code = "code"
        static let name = "name"
        static let councilAreaCode = "council_area_code"
        static let definition = "definition"
        static let updatedAt = "updated_at"

        static let columns = [code, name, councilAreaCode, definition, updatedAt]
    }

    /// Who did what, when, from which files.
    enum Audit {
        static let table = "audit"
        static let id = "id"
        static let action = "action"
        static let userName = "user_name"
        static let recordedAt = "recorded_at"
        static let rowsRead = "rows_read"
        static let added = "added"
        static let changed = "changed"
        static let unchanged = "unchanged"
        static let rejected = "rejected"

        static let columns = [action, userName, recordedAt, rowsRead, added, changed, unchanged, rejected]
    }

    /// The files an audited action read, in the order given.
    enum AuditFiles {
        static let table = "audit_files"
        static let auditId = "audit_id"
        static let ordinal = "ordinal"
        static let fileName = "file_name"

        static let columns = [auditId, ordinal, fileName]
    }
}
