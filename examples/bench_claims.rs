//! Claims benchmark: a generated project of 10 000 documents, 100 MB in all,
//! news-like English and Lao sentences about a pool of facts that several
//! documents report (with the same, rounded, hedged or different values),
//! between sentences with no figure at all.
//!
//! `cargo run --release --example bench_claims [-- DOCS MB]` extracts the
//! figures (what an import does; not timed), then times the claims engine
//! over all of them on one thread, and the update after one review (the
//! mean over many single-figure reviews).

use std::time::Instant;

use tualek::app::extract::found_figures;
use tualek::claims::{ClaimIndex, Input, Source};
use tualek::model::{Figure, Language};

const SUBJECTS: &[&str] = &[
    "Police",
    "The ministry",
    "Provincial officials",
    "The labour office",
    "Border guards",
    "The court",
    "Health workers",
    "The committee",
    "Local authorities",
    "The agency",
];
const VERBS: &[(&str, &str)] = &[
    ("recorded", "cases"),
    ("arrested", "suspects"),
    ("rescued", "victims"),
    ("sent", "workers"),
    ("registered", "migrants"),
    ("convicted", "traffickers"),
    ("inspected", "companies"),
    ("trained", "officers"),
    ("assisted", "women"),
    ("returned", "children"),
    ("opened", "investigations"),
    ("built", "schools"),
    ("vaccinated", "people"),
    ("counted", "households"),
];
const TOPICS: &[&str] = &[
    "trafficking",
    "labour",
    "migration",
    "flood",
    "drought",
    "school",
    "health",
    "border",
    "fishing",
    "construction",
    "garment",
    "farming",
    "mining",
    "transport",
    "casino",
    "scam",
    "forestry",
    "tourism",
    "banking",
    "rubber",
    "coffee",
    "rice",
    "cattle",
    "road",
    "bridge",
];
const SYLLABLES: &[&str] = &[
    "bo", "keo", "at", "ta", "peu", "sa", "van", "na", "khet", "xay", "phong", "sa", "li", "luang",
    "pra", "bang", "cham", "pa", "sak", "ou", "dom", "hua", "phan", "kham", "mouan",
];
const FILLER: &[&str] = &[
    "The officials said the work would continue with the support of partners.",
    "The meeting reviewed the results of the past year and set new goals.",
    "Villagers were urged to report any suspicious offers of work abroad.",
    "The programme is funded by several international organisations.",
    "Training sessions were held in the provincial capital last month.",
    "ເຈົ້າໜ້າທີ່ໄດ້ຮຽກຮ້ອງໃຫ້ປະຊາຊົນລະວັງການຫຼອກລວງ.",
    "ກອງປະຊຸມໄດ້ທົບທວນຜົນການຈັດຕັ້ງປະຕິບັດວຽກງານ.",
];

struct Fact {
    subject: usize,
    verb: usize,
    topic: usize,
    place: String,
    year: u32,
    value: u64,
}

fn place(rng: &mut fastrand::Rng) -> String {
    let n = rng.usize(2..4);
    let mut s: String = (0..n)
        .map(|_| SYLLABLES[rng.usize(..SYLLABLES.len())])
        .collect();
    if let Some(first) = s.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    s
}

fn grouped(v: u64) -> String {
    let digits = v.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn sentence(f: &Fact, rng: &mut fastrand::Rng) -> String {
    let (verb, noun) = VERBS[f.verb];
    let value = match rng.u8(..100) {
        0..=69 => grouped(f.value),
        70..=79 => format!("more than {}", grouped(f.value / 10 * 10)),
        80..=89 if f.value > 10_000 => format!("{:.1} million", f.value as f64 / 1e6),
        _ => grouped(f.value + rng.u64(1..20)),
    };
    if rng.u8(..100) < 20 {
        // A Lao sentence about the same fact.
        let lao_noun = match noun {
            "cases" => "ຄະດີ",
            "workers" => "ຄົນ",
            _ => "ຄົນ",
        };
        return format!(
            "ໃນປີ {} ເຈົ້າໜ້າທີ່ແຂວງ {} ໄດ້ລາຍງານວຽກງານ{} {} {}. ",
            f.year,
            f.place,
            TOPICS[f.topic],
            grouped(f.value).replace(',', "."),
            lao_noun
        );
    }
    format!(
        "{} in {} {} {} {} {} in {}, according to a report. ",
        SUBJECTS[f.subject], f.place, verb, value, TOPICS[f.topic], noun, f.year
    )
}

fn main() {
    let mut args = std::env::args().skip(1);
    let docs: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let megabytes: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(100);
    let per_doc = megabytes * 1_000_000 / docs;
    let mut rng = fastrand::Rng::with_seed(11);

    let facts: Vec<Fact> = (0..docs * 4)
        .map(|_| Fact {
            subject: rng.usize(..SUBJECTS.len()),
            verb: rng.usize(..VERBS.len()),
            topic: rng.usize(..TOPICS.len()),
            place: place(&mut rng),
            year: rng.u32(2015..2026),
            value: rng.u64(2..200_000),
        })
        .collect();
    let started = Instant::now();
    let mut texts = Vec::with_capacity(docs);
    for i in 0..docs {
        let mut text = format!("Report {i}\n\n");
        while text.len() < per_doc {
            if rng.u8(..100) < 45 {
                // Popular facts are reported by more documents.
                let k = (rng.f64().powi(3) * facts.len() as f64) as usize;
                text.push_str(&sentence(&facts[k.min(facts.len() - 1)], &mut rng));
            } else {
                text.push_str(FILLER[rng.usize(..FILLER.len())]);
                text.push(' ');
            }
            if rng.u8(..100) < 12 {
                text.push('\n');
            }
        }
        texts.push(text);
    }
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    let languages: Vec<Language> = (0..docs).map(|_| Language::new("en")).collect();
    let mut figures: Vec<Figure> = Vec::new();
    for (i, t) in texts.iter().enumerate() {
        for mut f in found_figures(i as i64 + 1, t) {
            f.id = figures.len() as i64 + 1;
            figures.push(f);
        }
    }
    println!(
        "generated and extracted {docs} documents, {:.1} MB, {} figures, in {:.1} s",
        bytes as f64 / 1e6,
        figures.len(),
        started.elapsed().as_secs_f64()
    );
    let sources: Vec<Source> = texts
        .iter()
        .enumerate()
        .map(|(i, text)| Source {
            id: i as i64 + 1,
            language: &languages[i],
            text,
        })
        .collect();
    let input = Input {
        sources: &sources,
        figures: &figures,
        same: &[],
        distinct: &[],
    };
    let started = Instant::now();
    let mut index = ClaimIndex::build(&input);
    let build = started.elapsed();
    let claims = index.claims().count();
    let mentions: usize = index.claims().map(|c| c.mentions.len()).sum();
    let disagreeing = index.claims().filter(|c| !c.agrees()).count();
    println!(
        "claims: {claims} ({disagreeing} disagreeing, {mentions} mentions) in {:.2} s",
        build.as_secs_f64()
    );

    // Reviews: a figure fixed to another value, one at a time.
    let reviews = 2_000;
    let mut worst = 0.0f64;
    let started = Instant::now();
    for r in 0..reviews {
        let mut f = figures[rng.usize(..figures.len())].clone();
        f.value = f.value.map(|v| v + tualek::model::Decimal::from(r % 3));
        let one = Instant::now();
        index.update(&sources, &[(f.id, Some(&f))]);
        worst = worst.max(one.elapsed().as_secs_f64());
    }
    let mean = started.elapsed().as_secs_f64() / reviews as f64;
    println!(
        "update after one review: mean {:.3} ms, worst {:.3} ms over {reviews} reviews",
        mean * 1e3,
        worst * 1e3
    );
    if std::env::var_os("BENCH_LIVE").is_some() {
        live(&texts);
    }
}

/// The workbench's path: a real project file, the claims loaded from it,
/// and the list brought up to date after each review (`LiveClaims::absorb`,
/// which re-reads the touched rows from SQLite).
fn live(texts: &[String]) {
    use tualek::app::{Command, Decision, LiveClaims, Project};
    let dir = tempfile::tempdir().expect("temp dir");
    let mut paths = Vec::new();
    for (i, t) in texts.iter().enumerate() {
        let p = dir.path().join(format!("{i}.txt"));
        std::fs::write(&p, t).expect("write");
        paths.push(p);
    }
    let mut project = Project::create(&dir.path().join("bench.tualek"), "bench").expect("project");
    let started = Instant::now();
    project
        .import(
            &paths,
            &tualek::import::ImportOptions::default(),
            &mut |_| true,
        )
        .expect("import");
    println!("live: imported in {:.1} s", started.elapsed().as_secs_f64());
    let started = Instant::now();
    let mut live = LiveClaims::load(&project).expect("load");
    println!(
        "live: {} claims loaded from the project file in {:.2} s",
        live.claims().len(),
        started.elapsed().as_secs_f64()
    );
    let ids: Vec<i64> = live
        .claims()
        .iter()
        .flat_map(|c| c.claim.figures())
        .take(200)
        .collect();
    let (mut total, mut worst) = (0.0f64, 0.0f64);
    for &id in &ids {
        let done = project
            .execute(Command::Review {
                figure: id,
                decision: Decision::Reject,
                note: None,
            })
            .expect("review");
        let one = Instant::now();
        live.absorb(&project, &done.changes).expect("absorb");
        let t = one.elapsed().as_secs_f64();
        total += t;
        worst = worst.max(t);
    }
    println!(
        "live: list up to date after one review: mean {:.2} ms, worst {:.2} ms over {} reviews",
        total / ids.len().max(1) as f64 * 1e3,
        worst * 1e3,
        ids.len()
    );
}
