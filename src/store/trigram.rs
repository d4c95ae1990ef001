//! The search index's tokenizer: a text's trigrams without their repeats.
//!
//! The index is `detail=none`: it keeps which documents hold a trigram, not
//! where or how often. SQLite's own trigram tokenizer still hands FTS5 every
//! trigram of a text, repeats and all, and FTS5 hashes each into its pending
//! index only to find it there already: a third of an import's time went to
//! that. This one folds ASCII letters (the search is a LIKE, which matches
//! ASCII letters in either case and nothing else), and leaves out the
//! repeats it has seen lately.
//!
//! FTS5 accelerates LIKE only for its own trigram tokenizer, so a search
//! asks for the query's trigrams with MATCH and checks the LIKE against the
//! text itself ([`match_query`]).
//!
//! Every connection registers it ([`register`]) before it touches the
//! project's schema; a connection without it (another program) can read the
//! tables but not the search index, nor change a document's text.

use std::ffi::{c_char, c_int, c_void};

use rusqlite::Connection;
use rusqlite::ffi;

/// The name the schema gives the tokenizer (`tokenize = 'tualek_trigram'`).
pub const NAME: &str = "tualek_trigram";

/// The trigrams a text has handed over lately, to leave out their repeats.
///
/// A repeat that slips through costs FTS5 a lookup and changes nothing (the
/// index keeps each trigram once per document), so a small direct-mapped
/// table does: a trigram evicts whatever shares its slot. Cheaper than an
/// exact set, and the words of a text repeat close to each other.
struct Recent {
    /// A packed trigram (three 21-bit code points) with bit 63 set, or 0.
    slots: Box<[u64; Recent::SLOTS]>,
}

impl Recent {
    const SLOTS: usize = 1 << 13;

    fn new() -> Recent {
        Recent {
            slots: Box::new([0; Recent::SLOTS]),
        }
    }

    /// Whether `[a, b, c]` is new here; it is remembered either way.
    fn first(&mut self, [a, b, c]: [char; 3]) -> bool {
        let key = (1 << 63) | (u64::from(a) << 42) | (u64::from(b) << 21) | u64::from(c);
        let slot = (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 51) as usize;
        let new = self.slots[slot] != key;
        self.slots[slot] = key;
        new
    }
}

/// Calls `emit(trigram, byte_start, byte_end)` for each trigram of `text`
/// (ASCII letters folded to lower case), in text order, leaving out most
/// repeats (see [`Recent`]); stops at the first error `emit` returns.
fn distinct_trigrams<E>(
    text: &str,
    recent: &mut Recent,
    mut emit: impl FnMut(&str, usize, usize) -> Result<(), E>,
) -> Result<(), E> {
    recent.slots.fill(0);
    let mut window = [(0usize, '\0'); 3];
    let mut held = 0;
    let mut token = [0u8; 12];
    for (at, c) in text.char_indices() {
        window = [window[1], window[2], (at, c.to_ascii_lowercase())];
        held += 1;
        if held < 3 {
            continue;
        }
        let chars = window.map(|(_, c)| c);
        if recent.first(chars) {
            let [a, b, c] = chars;
            let mut len = a.encode_utf8(&mut token).len();
            len += b.encode_utf8(&mut token[len..]).len();
            len += c.encode_utf8(&mut token[len..]).len();
            let trigram = std::str::from_utf8(&token[..len]).expect("encoded chars");
            emit(trigram, window[0].0, at + c.len_utf8())?;
        }
    }
    Ok(())
}

/// The FTS5 query for texts that may contain `query`: its trigrams, each
/// a quoted string, all required. `None` for a query of fewer than
/// three characters, which the index cannot narrow.
pub fn match_query(query: &str) -> Option<String> {
    let mut terms = Vec::new();
    distinct_trigrams(query, &mut Recent::new(), |t, _, _| {
        terms.push(format!("\"{}\"", t.replace('"', "\"\"")));
        Ok::<_, ()>(())
    })
    .ok()?;
    (!terms.is_empty()).then(|| terms.join(" AND "))
}

/// Registers the tokenizer on `conn` under [`NAME`].
pub fn register(conn: &Connection) -> rusqlite::Result<()> {
    static TOKENIZER: ffi::fts5_tokenizer = ffi::fts5_tokenizer {
        xCreate: Some(create),
        xDelete: Some(delete),
        xTokenize: Some(tokenize),
    };
    // SAFETY: the handle is valid while `conn` is; the api pointer SQLite
    // hands back lives as long as the connection; FTS5 copies the
    // tokenizer's table of functions, which is static anyway.
    unsafe {
        let db = conn.handle();
        let api = fts5_api(db)?;
        let name = std::ffi::CString::new(NAME).expect("no NUL in the name");
        let mut table = TOKENIZER;
        let rc = ((*api)
            .xCreateTokenizer
            .expect("FTS5 provides xCreateTokenizer"))(
            api,
            name.as_ptr(),
            std::ptr::null_mut(),
            &mut table,
            None,
        );
        check(db, rc)
    }
}

/// FTS5's API of this connection, through `SELECT fts5(?)` as its
/// documentation prescribes.
///
/// # Safety
/// `db` must be an open connection.
unsafe fn fts5_api(db: *mut ffi::sqlite3) -> rusqlite::Result<*mut ffi::fts5_api> {
    let mut api: *mut ffi::fts5_api = std::ptr::null_mut();
    let mut stmt: *mut ffi::sqlite3_stmt = std::ptr::null_mut();
    unsafe {
        let sql = c"SELECT fts5(?1)";
        check(
            db,
            ffi::sqlite3_prepare_v2(db, sql.as_ptr(), -1, &mut stmt, std::ptr::null_mut()),
        )?;
        let mut rc = ffi::sqlite3_bind_pointer(
            stmt,
            1,
            (&raw mut api).cast(),
            c"fts5_api_ptr".as_ptr(),
            None,
        );
        if rc == ffi::SQLITE_OK {
            rc = ffi::sqlite3_step(stmt);
            if rc == ffi::SQLITE_ROW || rc == ffi::SQLITE_DONE {
                rc = ffi::SQLITE_OK;
            }
        }
        ffi::sqlite3_finalize(stmt);
        check(db, rc)?;
    }
    if api.is_null() {
        return Err(rusqlite::Error::SqliteFailure(
            ffi::Error::new(ffi::SQLITE_ERROR),
            Some("this SQLite has no FTS5".into()),
        ));
    }
    Ok(api)
}

/// `rc` as a rusqlite result, with the connection's message.
///
/// # Safety
/// `db` must be an open connection.
unsafe fn check(db: *mut ffi::sqlite3, rc: c_int) -> rusqlite::Result<()> {
    if rc == ffi::SQLITE_OK {
        return Ok(());
    }
    // SAFETY: per this function's contract.
    let message = unsafe { std::ffi::CStr::from_ptr(ffi::sqlite3_errmsg(db)) }
        .to_string_lossy()
        .into_owned();
    Err(rusqlite::Error::SqliteFailure(
        ffi::Error::new(rc),
        Some(message),
    ))
}

unsafe extern "C" fn create(
    _user: *mut c_void,
    _args: *mut *const c_char,
    n_args: c_int,
    out: *mut *mut ffi::Fts5Tokenizer,
) -> c_int {
    if n_args != 0 {
        return ffi::SQLITE_ERROR;
    }
    // One instance per index and connection: its scratch table.
    let instance = Box::new(Recent::new());
    // SAFETY: FTS5 passes a valid place for the new instance.
    unsafe { *out = Box::into_raw(instance).cast() };
    ffi::SQLITE_OK
}

unsafe extern "C" fn delete(instance: *mut ffi::Fts5Tokenizer) {
    if !instance.is_null() {
        // SAFETY: made by `create` with Box::into_raw, deleted once by FTS5.
        drop(unsafe { Box::from_raw(instance.cast::<Recent>()) });
    }
}

type TokenFn =
    unsafe extern "C" fn(*mut c_void, c_int, *const c_char, c_int, c_int, c_int) -> c_int;

unsafe extern "C" fn tokenize(
    instance: *mut ffi::Fts5Tokenizer,
    ctx: *mut c_void,
    _flags: c_int,
    text: *const c_char,
    n_text: c_int,
    token: Option<TokenFn>,
) -> c_int {
    let Some(token) = token else {
        return ffi::SQLITE_MISUSE;
    };
    if n_text <= 0 || text.is_null() {
        return ffi::SQLITE_OK;
    }
    // SAFETY: FTS5 passes the instance `create` made and `n_text` bytes of text.
    let (instance, bytes) = unsafe {
        (
            &mut *instance.cast::<Recent>(),
            std::slice::from_raw_parts(text.cast::<u8>(), n_text as usize),
        )
    };
    // A project's texts are UTF-8 (the store refuses anything else); a query
    // or a foreign file's bytes might not be, and are read leniently.
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(bytes),
    };
    let emitted = distinct_trigrams(&text, instance, |t, start, end| {
        // SAFETY: FTS5's callback, with its own context, for this call only.
        let rc = unsafe {
            token(
                ctx,
                0,
                t.as_ptr().cast(),
                t.len() as c_int,
                start as c_int,
                end as c_int,
            )
        };
        if rc == ffi::SQLITE_OK {
            Ok(())
        } else {
            Err(rc)
        }
    });
    match emitted {
        Ok(()) => ffi::SQLITE_OK,
        Err(rc) => rc,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trigrams(text: &str) -> Vec<(String, usize, usize)> {
        let mut out = Vec::new();
        distinct_trigrams(text, &mut Recent::new(), |t, s, e| {
            out.push((t.to_string(), s, e));
            Ok::<_, ()>(())
        })
        .unwrap();
        out
    }

    #[test]
    fn trigrams_in_text_order_with_byte_spans_repeats_left_out() {
        let got = trigrams("abcabcX");
        let names: Vec<&str> = got.iter().map(|(t, ..)| t.as_str()).collect();
        assert_eq!(names, ["abc", "bca", "cab", "bcx"]);
        assert_eq!(got[3], ("bcx".into(), 4, 7));
        assert!(trigrams("ab").is_empty());
    }

    #[test]
    fn lao_trigrams_span_whole_characters() {
        let text = "ຄົນ 75";
        let got = trigrams(text);
        assert_eq!(got[0].0, "ຄົນ");
        for (t, s, e) in &got {
            assert_eq!(&text[*s..*e], t.as_str());
        }
    }

    #[test]
    fn match_query_quotes_every_term() {
        assert_eq!(match_query("a\"bc").unwrap(), "\"a\"\"b\" AND \"\"\"bc\"");
        assert_eq!(match_query("Lao").unwrap(), "\"lao\"");
        assert_eq!(match_query("xy"), None);
    }

    /// Two indexes of the same texts, ours and SQLite's own trigram
    /// tokenizer's: every query names the same documents through both
    /// (ours by MATCH then LIKE, SQLite's by its accelerated LIKE), and
    /// ours stays sound through deletes and changed texts.
    #[test]
    fn finds_what_sqlites_trigram_index_finds_and_stays_sound() {
        let conn = Connection::open_in_memory().unwrap();
        register(&conn).unwrap();
        conn.execute_batch(
            "CREATE TABLE docs (id INTEGER PRIMARY KEY, text TEXT NOT NULL);
             CREATE VIRTUAL TABLE ours USING fts5(text, content = 'docs', content_rowid = 'id',
                 tokenize = 'tualek_trigram', detail = 'none');
             CREATE VIRTUAL TABLE theirs USING fts5(text, content = 'docs', content_rowid = 'id',
                 tokenize = 'trigram', detail = 'none');",
        )
        .unwrap();
        let words = [
            "In",
            "2023",
            "1,255",
            "workers",
            "WORKERS",
            "ຄົນ",
            "ແຮງງານ",
            "ກີບ",
            "100%",
            "a_b",
            "kip",
            "\"quoted\"",
            "ໃນປີ",
            "Lao",
            "LAO",
            "500.000",
        ];
        // A small linear congruential sequence: texts of repeated and mixed words.
        let mut seed = 7u64;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        let texts: Vec<String> = (0..60)
            .map(|_| {
                let n = 1 + next(3000);
                let mut t = String::new();
                for _ in 0..n {
                    t.push_str(words[next(words.len())]);
                    t.push(if next(5) == 0 { '\n' } else { ' ' });
                }
                t
            })
            .collect();
        let index = |id: usize, text: &str| {
            conn.execute(
                "INSERT INTO docs (id, text) VALUES (?1, ?2)",
                (id as i64, text),
            )
            .unwrap();
            for t in ["ours", "theirs"] {
                conn.execute(
                    &format!("INSERT INTO {t} (rowid, text) VALUES (?1, ?2)"),
                    (id as i64, text),
                )
                .unwrap();
            }
        };
        let unindex = |id: usize| {
            let text: String = conn
                .query_row("SELECT text FROM docs WHERE id = ?1", [id as i64], |r| {
                    r.get(0)
                })
                .unwrap();
            for t in ["ours", "theirs"] {
                conn.execute(
                    &format!("INSERT INTO {t} ({t}, rowid, text) VALUES ('delete', ?1, ?2)"),
                    (id as i64, &text),
                )
                .unwrap();
            }
            conn.execute("DELETE FROM docs WHERE id = ?1", [id as i64])
                .unwrap();
        };
        for (i, text) in texts.iter().enumerate() {
            index(i + 1, text);
        }
        for id in (1..=60).step_by(7) {
            unindex(id);
        }
        index(3000, "workers and 1,255 ຄົນ");
        let queries = [
            "workers",
            "Workers a",
            "1,255 w",
            "ຄົນ ແຮງງານ",
            "ານ ກີ",
            "100% a_b",
            "a_b",
            "\"quoted\" L",
            "lao lao",
            "LAO\nIn",
            "500.000 kip",
            "nothing here",
            "kip",
        ];
        for q in queries {
            let like = crate::store::search::like_containing(q);
            let ours: Vec<i64> = conn
                .prepare(
                    "SELECT d.id FROM ours JOIN docs d ON d.id = ours.rowid \
                     WHERE ours MATCH ?1 AND d.text LIKE ?2 ESCAPE '\\' ORDER BY d.id",
                )
                .unwrap()
                .query_map((match_query(q).unwrap(), &like), |r| r.get(0))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap();
            let theirs: Vec<i64> = conn
                .prepare("SELECT rowid FROM theirs WHERE text LIKE ?1 ESCAPE '\\' ORDER BY rowid")
                .unwrap()
                .query_map([&like], |r| r.get(0))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap();
            assert_eq!(ours, theirs, "{q}");
            if q != "nothing here" {
                assert!(!ours.is_empty(), "{q} is in some text");
            }
        }
        conn.execute("INSERT INTO ours (ours) VALUES ('integrity-check')", [])
            .expect("our index matches the texts");
    }
}
