//! Checks shared by the importers' fuzz targets.
#![allow(dead_code)]

use tualek::import::bilingual::Bilingual;
use tualek::import::{ImportError, ImportOptions};
use tualek::text::{char_slice, is_grapheme_boundary};

/// The figures found in a text an importer produced: sorted, disjoint and
/// on grapheme-cluster boundaries (byte offsets, as the extractor gives them).
pub fn check_figures(text: &str) {
    let mut last = 0;
    for f in tualek::extract::extract(text) {
        assert!(f.start >= last && f.start < f.end && f.end <= text.len());
        assert!(is_grapheme_boundary(text, f.start));
        assert!(is_grapheme_boundary(text, f.end));
        last = f.end;
    }
}

/// A bilingual file read: every inline tag inside its segment, and once
/// joined into two documents every segment's span a slice of its document
/// (code points), the documents' figures on grapheme boundaries.
pub fn check_bilingual(read: Result<Bilingual, ImportError>, name: &str) {
    let Ok(file) = read else { return };
    for unit in &file.units {
        for side in [&unit.source, &unit.target] {
            let len = side.text.chars().count();
            assert!(
                side.tags.iter().all(|t| t.at <= len),
                "tag past its segment"
            );
        }
    }
    let Ok(pair) = file.into_pair(std::path::Path::new(name), &ImportOptions::default()) else {
        return;
    };
    for doc in [&pair.source, &pair.target] {
        assert_eq!(doc.meta.char_len as usize, doc.text.chars().count());
        check_figures(&doc.text);
    }
    for s in &pair.segments {
        let source = char_slice(&pair.source.text, s.source.start, s.source.end)
            .expect("a source span inside its document");
        let target = char_slice(&pair.target.text, s.target.start, s.target.end)
            .expect("a target span inside its document");
        let (sl, tl) = (source.chars().count(), target.chars().count());
        assert!(s.source_tags.iter().all(|t| t.at <= sl));
        assert!(s.target_tags.iter().all(|t| t.at <= tl));
    }
}
