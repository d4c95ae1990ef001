//! Defences against a project file made to attack whoever opens it.
//!
//! `trusted_schema = OFF` stops functions in a schema, but plain SQL in a
//! trigger still runs and a view can recurse forever. So a file's schema must
//! be exactly the one Tualek's migrations make for its version: every table,
//! index, trigger and view is compared, and anything else refused by name.

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use rusqlite::Connection;
use rusqlite::limits::Limit;

use super::schema::MIGRATIONS;

/// One row of `sqlite_schema`, its SQL with whitespace normalised.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Object {
    kind: String,
    name: String,
    table: String,
    sql: Option<String>,
}

/// How long the queries that check a file at open may run before they are
/// stopped: the schema of a sound project is read in milliseconds.
const OPEN_BUDGET: Duration = Duration::from_secs(5);

/// Caps on what one statement may build. Each is far above what Tualek's own
/// statements need (no table has 20 columns, no trigger fires another) and
/// below SQLite's defaults. The length of a value stays at SQLite's default
/// (1e9 bytes): a document may be as large as `--max-mb` lets an import take.
const LIMITS: &[(Limit, i32)] = &[
    (Limit::SQLITE_LIMIT_SQL_LENGTH, 10 * 1024 * 1024),
    (Limit::SQLITE_LIMIT_COLUMN, 200),
    (Limit::SQLITE_LIMIT_EXPR_DEPTH, 200),
    (Limit::SQLITE_LIMIT_COMPOUND_SELECT, 50),
    (Limit::SQLITE_LIMIT_FUNCTION_ARG, 32),
    (Limit::SQLITE_LIMIT_ATTACHED, 0),
    (Limit::SQLITE_LIMIT_LIKE_PATTERN_LENGTH, 10_000),
    (Limit::SQLITE_LIMIT_TRIGGER_DEPTH, 4),
];

pub(crate) fn set_limits(conn: &Connection) -> rusqlite::Result<()> {
    for &(limit, value) in LIMITS {
        conn.set_limit(limit, value)?;
    }
    Ok(())
}

/// Stops any statement on `conn` once [`OPEN_BUDGET`] has passed, until
/// [`end_budget`]: nothing a file holds can make its open hang.
pub(crate) fn start_budget(conn: &mut Connection) -> rusqlite::Result<()> {
    budget(conn, OPEN_BUDGET)
}

fn budget(conn: &mut Connection, time: Duration) -> rusqlite::Result<()> {
    let deadline = Instant::now() + time;
    conn.progress_handler(10_000, Some(move || Instant::now() > deadline))
}

pub(crate) fn end_budget(conn: &mut Connection) -> rusqlite::Result<()> {
    conn.progress_handler(0, None::<fn() -> bool>)
}

/// Why the file's schema is not the one the migrations make for `version`,
/// or `None` when it is.
pub(crate) fn schema_mismatch(conn: &Connection, version: i32) -> rusqlite::Result<Option<String>> {
    let found = objects(conn)?;
    let Some(expected) = expected(version) else {
        return Ok(Some(format!("schema version {version} is unknown")));
    };
    Ok(differences(&found, expected).into_iter().next())
}

/// Every finding, one a line, for `tualek check`.
pub(crate) fn schema_findings(conn: &Connection, version: i32) -> rusqlite::Result<Vec<String>> {
    let found = objects(conn)?;
    let Some(expected) = expected(version) else {
        return Ok(vec![format!("schema version {version} is unknown")]);
    };
    Ok(differences(&found, expected))
}

fn differences(found: &[Object], expected: &[Object]) -> Vec<String> {
    let mut out = Vec::new();
    for f in found.iter().filter(|f| !sqlite_internal(f)) {
        match expected
            .iter()
            .find(|e| e.kind == f.kind && e.name == f.name)
        {
            None => out.push(format!(
                "the project holds {} Tualek did not make: {}",
                article(&f.kind),
                f.name
            )),
            Some(e) if e != f => out.push(format!("a changed {}: {}", f.kind, f.name)),
            Some(_) => {}
        }
    }
    for e in expected {
        if !found.iter().any(|f| f.kind == e.kind && f.name == e.name) {
            out.push(format!("a {} Tualek needs is missing: {}", e.kind, e.name));
        }
    }
    out
}

fn article(kind: &str) -> String {
    match kind {
        "index" => "an index".into(),
        k => format!("a {k}"),
    }
}

/// Objects SQLite makes by itself: the AUTOINCREMENT counters, ANALYZE's
/// statistics, and the indexes behind UNIQUE and PRIMARY KEY (no SQL).
fn sqlite_internal(o: &Object) -> bool {
    let stat = [
        "sqlite_stat1",
        "sqlite_stat2",
        "sqlite_stat3",
        "sqlite_stat4",
    ];
    (o.kind == "table" && (o.name == "sqlite_sequence" || stat.contains(&o.name.as_str())))
        || (o.kind == "index" && o.sql.is_none() && o.name.starts_with("sqlite_autoindex_"))
}

fn objects(conn: &Connection) -> rusqlite::Result<Vec<Object>> {
    let mut stmt =
        conn.prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name")?;
    let rows = stmt.query_map([], |r| {
        Ok(Object {
            kind: r.get(0)?,
            name: r.get(1)?,
            table: r.get(2)?,
            sql: r.get::<_, Option<String>>(3)?.map(|s| normalise(&s)),
        })
    })?;
    rows.collect()
}

fn normalise(sql: &str) -> String {
    sql.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The schema the migrations make for `version`, built once per version in
/// an in-memory database (SQLite's own objects left out).
fn expected(version: i32) -> Option<&'static [Object]> {
    static CACHE: [OnceLock<Vec<Object>>; MIGRATIONS.len() + 1] =
        [const { OnceLock::new() }; MIGRATIONS.len() + 1];
    let slot = CACHE.get(usize::try_from(version).ok()?)?;
    Some(slot.get_or_init(|| build(version as usize)))
}

fn build(version: usize) -> Vec<Object> {
    let conn = Connection::open_in_memory().expect("an in-memory database");
    super::trigram::register(&conn).expect("FTS5 takes Tualek's tokenizer");
    for step in &MIGRATIONS[..version] {
        conn.execute_batch(step)
            .expect("Tualek's own migrations run on an empty database");
    }
    let mut all = objects(&conn).expect("the schema of an in-memory database");
    all.retain(|o| !sqlite_internal(o));
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_version_matches_itself_and_not_the_next() {
        for v in 0..=MIGRATIONS.len() {
            let conn = Connection::open_in_memory().unwrap();
            crate::store::trigram::register(&conn).unwrap();
            for step in &MIGRATIONS[..v] {
                conn.execute_batch(step).unwrap();
            }
            assert_eq!(schema_mismatch(&conn, v as i32).unwrap(), None, "v{v}");
            if v < MIGRATIONS.len() {
                // Most steps add objects; 6 and 7 change existing ones.
                let next = schema_mismatch(&conn, v as i32 + 1).unwrap();
                assert!(next.is_some(), "v{v} passes for v{}", v + 1);
            }
        }
    }

    #[test]
    fn a_statement_that_never_ends_is_stopped() {
        let mut conn = Connection::open_in_memory().unwrap();
        set_limits(&conn).unwrap();
        budget(&mut conn, Duration::from_millis(50)).unwrap();
        let forever = "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) \
                       SELECT count(*) FROM r";
        let stopped = conn.query_row(forever, [], |r| r.get::<_, i64>(0));
        assert!(
            matches!(
                stopped.as_ref().err().and_then(|e| e.sqlite_error_code()),
                Some(rusqlite::ErrorCode::OperationInterrupted)
            ),
            "{stopped:?}"
        );
        end_budget(&mut conn).unwrap();
        let n: i64 = conn
            .query_row(
                "SELECT count(*) FROM (SELECT 1 UNION ALL SELECT 2)",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(n, 2, "statements run again once the budget ends");
    }

    #[test]
    fn extra_and_changed_objects_are_named() {
        let conn = Connection::open_in_memory().unwrap();
        crate::store::trigram::register(&conn).unwrap();
        for step in MIGRATIONS {
            conn.execute_batch(step).unwrap();
        }
        let v = MIGRATIONS.len() as i32;
        conn.execute_batch("CREATE TABLE extra(x)").unwrap();
        assert_eq!(
            schema_mismatch(&conn, v).unwrap().as_deref(),
            Some("the project holds a table Tualek did not make: extra")
        );
        conn.execute_batch("DROP TABLE extra; CREATE INDEX figures_by_note ON figures(note)")
            .unwrap();
        assert_eq!(
            schema_mismatch(&conn, v).unwrap().as_deref(),
            Some("the project holds an index Tualek did not make: figures_by_note")
        );
        conn.execute_batch("DROP INDEX figures_by_note; ANALYZE")
            .unwrap();
        assert_eq!(
            schema_mismatch(&conn, v).unwrap(),
            None,
            "ANALYZE is SQLite's own"
        );
        conn.execute_batch("ALTER TABLE links ADD COLUMN weight INTEGER")
            .unwrap();
        assert_eq!(
            schema_mismatch(&conn, v).unwrap().as_deref(),
            Some("a changed table: links")
        );
    }
}
