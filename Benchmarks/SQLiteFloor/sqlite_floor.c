/*
 * SQLite's own floor for the LAIT import benchmark (issue 4): how long SQLite alone takes to write
 * the 56,100 LAIT rows, with nothing else to do, so the Swift import's figure and pandas' can be
 * read against it. scripts/benchmark builds this with the system SQLite and runs it in the same
 * session as both.
 *
 *   sqlite_floor LAIT_CSV SCRUTINEER_DB RUNS
 *
 * LAIT_CSV      ../shared/data/lait/lait_kpi_subset_long.csv
 * SCRUTINEER_DB a database Scrutineer has migrated and imported the LAIT subset into (the Swift
 *               benchmark leaves one where SCRUTINEER_BENCH_KEEP_SQLITE says)
 *
 * Each writer gets its rows already in memory (reading is not timed), opens a new database file,
 * and inserts every row through one prepared statement in one transaction, then commits:
 *   pandas-shape  the table pandas' to_sql makes: the CSV's nine columns as TEXT, no constraints;
 *   scrutineer    Scrutineer's observations table as migrated (unique key, foreign keys to the
 *                 measures, areas and audit rows copied from SCRUTINEER_DB, CHECKs), its rows read
 *                 back from SCRUTINEER_DB.
 * Prints the median and the fastest of RUNS runs of each, in milliseconds (wall clock).
 */
#include <sqlite3.h>
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

/* Writes `rows` into a new database at `path` after `setup`; returns the milliseconds taken. */
static double write_rows(const char *path, const char *attach_from, const char *setup, const char *insert, const Rows *rows) {
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
    sqlite3_stmt *statement;
    check(sqlite3_prepare_v2(db, insert, -1, &statement, NULL), db, insert);
    for (int row = 0; row < rows->count; row++) {
        for (int column = 0; column < rows->width && rows->values; column++) {
            sqlite3_value *value = rows->values[row * rows->width + column];
            switch (sqlite3_value_type(value)) {
            case SQLITE_INTEGER: sqlite3_bind_int64(statement, column + 1, sqlite3_value_int64(value)); break;
            case SQLITE_FLOAT: sqlite3_bind_double(statement, column + 1, sqlite3_value_double(value)); break;
            case SQLITE_NULL: sqlite3_bind_null(statement, column + 1); break;
            default: sqlite3_bind_text(statement, column + 1, (const char *)sqlite3_value_text(value), -1, SQLITE_STATIC);
            }
        }
        for (int column = 0; column < rows->width && !rows->values; column++) {
            const char *cell = rows->cells[row * rows->width + column];
            if (cell) sqlite3_bind_text(statement, column + 1, cell, -1, SQLITE_STATIC);
            else sqlite3_bind_null(statement, column + 1);
        }
        check(sqlite3_step(statement), db, "insert");
        sqlite3_reset(statement);
    }
    sqlite3_finalize(statement);
    run(db, "COMMIT");
    double taken = now_ms() - start;
    sqlite3_close(db);
    unlink(path);
    return taken;
}

static void report(const char *name, double *times, int runs) {
    qsort(times, runs, sizeof(double), compare);
    printf("sqlite_floor %-12s p50 %.1f ms, p0 %.1f ms (%d runs)\n", name, times[runs / 2], times[0], runs);
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
    for (int i = 0; i < runs; i++) times[i] = write_rows(target, NULL, create, insert, &csv);
    report("pandas-shape", times, runs);

    /* Scrutineer's observations table, with its parents, and its rows as Scrutineer wrote them. */
    sqlite3 *source;
    check(sqlite3_open_v2(argv[2], &source, SQLITE_OPEN_READONLY, NULL), NULL, argv[2]);
    char setup[65536] = "";
    const char *tables[] = {"measures", "areas", "audit", "observations"};
    for (int t = 0; t < 4; t++) {
        sqlite3_stmt *query;
        check(sqlite3_prepare_v2(source, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", -1, &query, NULL), source, "schema");
        sqlite3_bind_text(query, 1, tables[t], -1, SQLITE_STATIC);
        check(sqlite3_step(query), source, "schema");
        strcat(setup, (const char *)sqlite3_column_text(query, 0));
        strcat(setup, ";\n");
        sqlite3_finalize(query);
        if (t < 3) {
            char copy[256];
            snprintf(copy, sizeof copy, "INSERT INTO main.%s SELECT * FROM source.%s;\n", tables[t], tables[t]);
            strcat(setup, copy);
        }
    }
    strcat(setup, "PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536;");
    const char *columns = "measure_code, area_code, period_label, period_kind, period_start, period_end, breakdown_key, value, "
        "numerator, denominator, lower_95, upper_95, lower_99_8, upper_99_8, status_symbol, compared_to_england, source, "
        "published, next_update_due, imported_by";
    char select[1024], insert_scrutineer[1024];
    snprintf(select, sizeof select, "SELECT %s FROM observations ORDER BY id", columns);
    snprintf(insert_scrutineer, sizeof insert_scrutineer,
        "INSERT INTO observations (%s) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", columns);
    Rows stored = {.width = 20};
    sqlite3_stmt *query;
    check(sqlite3_prepare_v2(source, select, -1, &query, NULL), source, select);
    while (sqlite3_step(query) == SQLITE_ROW) {
        for (int column = 0; column < 20; column++) add_value(&stored, sqlite3_column_value(query, column));
    }
    sqlite3_finalize(query);
    sqlite3_close(source);
    /* Each value bound with the type it is stored with (text, REAL, INTEGER or NULL), as Scrutineer binds them. */
    for (int i = 0; i < runs; i++) times[i] = write_rows(target, argv[2], setup, insert_scrutineer, &stored);
    report("scrutineer", times, runs);
    printf("sqlite_floor rows: %d (pandas-shape), %d (scrutineer); SQLite %s\n", csv.count, stored.count, sqlite3_libversion());
    return 0;
}
