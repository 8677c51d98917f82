/*
 * SQLite's own floor for the LAIT import benchmark (issue 4): how long SQLite alone takes to write
 * the 56,100 LAIT rows, with nothing else to do, so the Swift import's figure and pandas' can be
 * read against it. scripts/benchmark builds this with the SQLite Scrutineer links (SQLiteNIO's
 * amalgamation and compile options; the system's SQLite when that is missing) and runs it in the
 * same session as both.
 *
 *   sqlite_floor LAIT_CSV SCRUTINEER_DB RUNS
 *
 * LAIT_CSV      ../shared/data/lait/lait_kpi_subset_long.csv
 * SCRUTINEER_DB a database Scrutineer has migrated and imported the LAIT subset into (the Swift
 *               benchmark leaves one where SCRUTINEER_BENCH_KEEP_SQLITE says)
 *
 * Each writer gets its rows already in memory (reading is not timed), opens a new database file,
 * and inserts its rows in one transaction (through one prepared statement per table, but for
 * scrutineer-chunked), then commits:
 *   pandas-shape        the table pandas' to_sql makes: the CSV's nine columns as TEXT, no constraints;
 *   scrutineer          Scrutineer's tables as migrated (migration 5: series, periods and sources,
 *                       and observation_values keyed by series and period, WITHOUT ROWID, with every
 *                       foreign key, CHECK and unique key), their rows read back from SCRUTINEER_DB
 *                       in key order, beside copies of its measures, areas and audit rows;
 *   scrutineer-chunked  the same as a driver that compiles each statement afresh (SQLiteNIO) must
 *                       write it: the observations in statements of 4,096 rows, binding only the
 *                       columns that vary;
 *   scrutineer-no-fk    what the foreign keys cost: scrutineer with PRAGMA foreign_keys off;
 *   scrutineer-no-fk-check  and the CHECKs: scrutineer with PRAGMA ignore_check_constraints on too.
 * (Scrutineer never turns either off: the last two only say where SQLite's time goes.)
 * Prints the median and the fastest of RUNS runs of each, in milliseconds (wall clock).
 */
#ifndef SQLITE_VERSION /* unless the build included SQLiteNIO's own SQLite (scripts/benchmark) */
#include <sqlite3.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static void check(int rc, sqlite3 *db, const char *what) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
        fprintf(stderr, "sqlite_floor: %s: %s\n", what, db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
        exit(1);
    }
}

static void run(sqlite3 *db, const char *sql) {
    char *error = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &error) != SQLITE_OK) {
        fprintf(stderr, "sqlite_floor: %s: %s\n", sql, error);
        exit(1);
    }
}

/* Rows of `width` cells: text (NULL for SQL NULL), or typed values when `values` is set.
 * `filled` cells so far; a row is complete every `width` cells. */
typedef struct { char **cells; sqlite3_value **values; int width; int count; int filled; int capacity; } Rows;

/* Room for one more cell in `cells` or `values` (whichever the rows hold), and its place. */
static int next_cell(Rows *rows, void **array, size_t size) {
    if (rows->filled == rows->capacity) {
        rows->capacity = rows->capacity ? rows->capacity * 2 : 1 << 16;
        *array = realloc(*array, size * rows->capacity);
    }
    int place = rows->filled++;
    rows->count = rows->filled / rows->width;
    return place;
}

static void add_value(Rows *rows, sqlite3_value *value) {
    int place = next_cell(rows, (void **)&rows->values, sizeof(sqlite3_value *));
    rows->values[place] = sqlite3_value_dup(value);
}

static void add_cell(Rows *rows, const char *text) {
    int place = next_cell(rows, (void **)&rows->cells, sizeof(char *));
    rows->cells[place] = text ? strdup(text) : NULL;
}

/* The CSV's data rows (RFC 4180 quotes), header skipped; its header sets the width. */
static Rows read_csv(const char *path, char ***header) {
    FILE *file = fopen(path, "r");
    if (!file) { perror(path); exit(1); }
    Rows rows = {0};
    char field[4096];
    int length = 0, quoted = 0, c, header_done = 0, columns = 0;
    char *names[64];
    for (;;) {
        c = fgetc(file);
        if (quoted) {
            if (c == '"') {
                int next = fgetc(file);
                if (next == '"') { field[length++] = '"'; continue; }
                quoted = 0;
                c = next;
            } else if (c != EOF) { field[length++] = (char)c; continue; }
        }
        if (c == '"' && length == 0) { quoted = 1; continue; }
        if (c == ',' || c == '\n' || c == EOF) {
            if (c == EOF && length == 0 && columns == 0) break;
            if (length > 0 && field[length - 1] == '\r') length--;
            field[length] = 0;
            if (!header_done) names[columns] = strdup(field);
            else add_cell(&rows, field);
            columns++;
            length = 0;
            if (c != ',') {
                if (!header_done) {
                    header_done = 1;
                    rows.width = columns;
                    *header = malloc(sizeof(char *) * columns);
                    memcpy(*header, names, sizeof(char *) * columns);
                }
                columns = 0;
                if (c == EOF) break;
            }
            continue;
        }
        field[length++] = (char)c;
    }
    fclose(file);
    return rows;
}

static int compare(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* One table's rows and the statement that inserts one of them (`INSERT INTO t VALUES (?, …)`).
 * With `rows_per_statement` above 1 the rows go in statements of that many rows each
 * (`VALUES (…), (…), …`), each compiled afresh, as a driver without reusable statements must. */
typedef struct { const char *insert; Rows rows; int rows_per_statement; } Part;

/* Binds row `row` of `rows` to `statement` from its parameter `first`. */
static void bind_row(sqlite3_stmt *statement, const Rows *rows, int row, int first) {
    for (int column = 0; column < rows->width && rows->values; column++) {
        sqlite3_value *value = rows->values[row * rows->width + column];
        switch (sqlite3_value_type(value)) {
        case SQLITE_INTEGER: sqlite3_bind_int64(statement, first + column, sqlite3_value_int64(value)); break;
        case SQLITE_FLOAT: sqlite3_bind_double(statement, first + column, sqlite3_value_double(value)); break;
        case SQLITE_NULL: sqlite3_bind_null(statement, first + column); break;
        default: sqlite3_bind_text(statement, first + column, (const char *)sqlite3_value_text(value), -1, SQLITE_STATIC);
        }
    }
    for (int column = 0; column < rows->width && !rows->values; column++) {
        const char *cell = rows->cells[row * rows->width + column];
        if (cell) sqlite3_bind_text(statement, first + column, cell, -1, SQLITE_STATIC);
        else sqlite3_bind_null(statement, first + column);
    }
}

/* `part`'s statement text for `count` rows: its own text, then `, (?, …)` once for each further row. */
static char *statement_text(const Part *part, int count) {
    const char *values = strstr(part->insert, "VALUES ");
    size_t head = strlen(part->insert), tuple = strlen(values + 7);
    char *text = malloc(head + (size_t)(count - 1) * (tuple + 2) + 1);
    memcpy(text, part->insert, head);
    char *end = text + head;
    for (int row = 1; row < count; row++) {
        memcpy(end, ", ", 2);
        memcpy(end + 2, values + 7, tuple);
        end += tuple + 2;
    }
    *end = 0;
    return text;
}

/* Inserts every row of `part`: through one prepared statement reused for each row, or in
 * statements of `rows_per_statement` rows, each prepared for its rows. */
static void insert_rows(sqlite3 *db, const Part *part) {
    const Rows *rows = &part->rows;
    int per = part->rows_per_statement > 1 ? part->rows_per_statement : 1;
    sqlite3_stmt *statement = NULL;
    if (per == 1) check(sqlite3_prepare_v2(db, part->insert, -1, &statement, NULL), db, part->insert);
    for (int first = 0; first < rows->count; first += per) {
        int count = rows->count - first < per ? rows->count - first : per;
        if (per > 1) {
            char *text = statement_text(part, count);
            check(sqlite3_prepare_v2(db, text, -1, &statement, NULL), db, "multi-row insert");
            free(text);
        }
        for (int row = 0; row < count; row++) bind_row(statement, rows, first + row, 1 + row * rows->width);
        check(sqlite3_step(statement), db, "insert");
        if (per > 1) sqlite3_finalize(statement);
        else sqlite3_reset(statement);
    }
    if (per == 1) sqlite3_finalize(statement);
}

/* Writes each part's rows, in order, into a new database at `path` after `setup`, in one
 * transaction; returns the milliseconds taken. */
static double write_parts(const char *path, const char *attach_from, const char *setup, const Part *parts, int part_count) {
    unlink(path);
    sqlite3 *db;
    check(sqlite3_open(path, &db), NULL, path);
    if (attach_from) {
        char sql[1024];
        snprintf(sql, sizeof sql, "ATTACH DATABASE '%s' AS source", attach_from);
        run(db, sql);
    }
    run(db, setup);
    if (attach_from) run(db, "DETACH DATABASE source");
    double start = now_ms();
    run(db, "BEGIN");
    for (int part = 0; part < part_count; part++) insert_rows(db, &parts[part]);
    run(db, "COMMIT");
    double taken = now_ms() - start;
    sqlite3_close(db);
    unlink(path);
    return taken;
}

/* The rows `select` returns from `source`, each value kept with its stored type. */
static Rows query_rows(sqlite3 *source, const char *select) {
    sqlite3_stmt *query;
    check(sqlite3_prepare_v2(source, select, -1, &query, NULL), source, select);
    Rows rows = {.width = sqlite3_column_count(query)};
    while (sqlite3_step(query) == SQLITE_ROW) {
        for (int column = 0; column < rows.width; column++) add_value(&rows, sqlite3_column_value(query, column));
    }
    sqlite3_finalize(query);
    return rows;
}

static void report(const char *name, double *times, int runs) {
    qsort(times, runs, sizeof(double), compare);
    printf("sqlite_floor %-22s p50 %.1f ms, p0 %.1f ms (%d runs)\n", name, times[runs / 2], times[0], runs);
}

int main(int argc, char **argv) {
    if (argc != 4) { fprintf(stderr, "usage: sqlite_floor LAIT_CSV SCRUTINEER_DB RUNS\n"); return 2; }
    int runs = atoi(argv[3]);
    const char *target = "/tmp/scrutineer-sqlite-floor.sqlite";
    double times[runs];

    /* pandas' shape: the CSV as text. */
    char **header = NULL;
    Rows csv = read_csv(argv[1], &header);
    char create[4096] = "CREATE TABLE observations (", insert[4096] = "INSERT INTO observations VALUES (";
    for (int column = 0; column < csv.width; column++) {
        char part[256];
        snprintf(part, sizeof part, "%s\"%s\" TEXT", column ? ", " : "", header[column]);
        strcat(create, part);
        strcat(insert, column ? ", ?" : "?");
    }
    strcat(create, ")");
    strcat(insert, ")");
    Part text = {.insert = insert, .rows = csv};
    for (int i = 0; i < runs; i++) times[i] = write_parts(target, NULL, create, &text, 1);
    report("pandas-shape", times, runs);

    /* Scrutineer's tables as migrated, with their parents, and their rows as Scrutineer wrote them. */
    sqlite3 *source;
    check(sqlite3_open_v2(argv[2], &source, SQLITE_OPEN_READONLY, NULL), NULL, argv[2]);
    char setup[65536] = "";
    const char *tables[] = {"measures", "areas", "audit", "series", "periods", "observation_sources", "observation_values"};
    for (int t = 0; t < 7; t++) {
        sqlite3_stmt *query;
        check(sqlite3_prepare_v2(source, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", -1, &query, NULL), source, "schema");
        sqlite3_bind_text(query, 1, tables[t], -1, SQLITE_STATIC);
        if (sqlite3_step(query) != SQLITE_ROW) { fprintf(stderr, "sqlite_floor: %s has no table %s (expected a database at migration 5 or later)\n", argv[2], tables[t]); return 1; }
        strcat(setup, (const char *)sqlite3_column_text(query, 0));
        strcat(setup, ";\n");
        sqlite3_finalize(query);
        if (t < 3) {
            char copy[256];
            snprintf(copy, sizeof copy, "INSERT INTO main.%s SELECT * FROM source.%s;\n", tables[t], tables[t]);
            strcat(setup, copy);
        }
    }
    /* Scrutineer's settings (SQLiteSource.setUp), and the two that only measure what enforcement costs. */
    char enforced[sizeof setup], no_foreign_keys[sizeof setup], unchecked[sizeof setup];
    snprintf(enforced, sizeof enforced, "%sPRAGMA foreign_keys = ON; PRAGMA cache_size = -65536;", setup);
    snprintf(no_foreign_keys, sizeof no_foreign_keys, "%sPRAGMA foreign_keys = OFF; PRAGMA cache_size = -65536;", setup);
    snprintf(unchecked, sizeof unchecked, "%sPRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = ON; PRAGMA cache_size = -65536;", setup);
    Part parts[] = {
        {.insert = "INSERT INTO periods (id, label, kind, start_date, end_date) VALUES (?, ?, ?, ?, ?)",
         .rows = query_rows(source, "SELECT id, label, kind, start_date, end_date FROM periods ORDER BY id")},
        {.insert = "INSERT INTO observation_sources (id, source, published, next_update_due, imported_by) VALUES (?, ?, ?, ?, ?)",
         .rows = query_rows(source, "SELECT id, source, published, next_update_due, imported_by FROM observation_sources ORDER BY id")},
        {.insert = "INSERT INTO series (id, measure_code, area_code, breakdown_key) VALUES (?, ?, ?, ?)",
         .rows = query_rows(source, "SELECT id, measure_code, area_code, breakdown_key FROM series ORDER BY id")},
        {.insert = "INSERT INTO observation_values VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
         .rows = query_rows(source, "SELECT * FROM observation_values ORDER BY series_id, period_id")},
    };
    for (int i = 0; i < runs; i++) times[i] = write_parts(target, argv[2], enforced, parts, 4);
    report("scrutineer", times, runs);
    /* The same through a driver that compiles every statement afresh (SQLiteNIO): the observations
     * in statements of 4,096 rows (Scrutineer's chunk), each binding only the columns that vary,
     * as Scrutineer's writer does; LAIT's rows share one source and leave the other figures blank. */
    if (parts[1].rows.count != 1) { fprintf(stderr, "sqlite_floor: expected one source\n"); return 1; }
    Part chunked[] = {parts[0], parts[1], parts[2], {
        .insert = "INSERT INTO observation_values (series_id, period_id, source_id, value, status_symbol) VALUES (?, ?, 1, ?, ?)",
        .rows = query_rows(source, "SELECT series_id, period_id, value, status_symbol FROM observation_values ORDER BY series_id, period_id"),
        .rows_per_statement = 4096}};
    for (int i = 0; i < runs; i++) times[i] = write_parts(target, argv[2], enforced, chunked, 4);
    report("scrutineer-chunked", times, runs);
    for (int i = 0; i < runs; i++) times[i] = write_parts(target, argv[2], no_foreign_keys, parts, 4);
    report("scrutineer-no-fk", times, runs);
    for (int i = 0; i < runs; i++) times[i] = write_parts(target, argv[2], unchecked, parts, 4);
    report("scrutineer-no-fk-check", times, runs);
    sqlite3_close(source);
    printf("sqlite_floor rows: %d (pandas-shape), %d observations in %d series, %d periods, %d sources (scrutineer); SQLite %s\n",
        csv.count, parts[3].rows.count, parts[2].rows.count, parts[0].rows.count, parts[1].rows.count, sqlite3_libversion());
    return 0;
}
