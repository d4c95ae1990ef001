//! Headless frame benchmark of the translation QA view on a large pair:
//! 10 000 aligned Lao–English segments, one in twelve with a wrong or missing
//! figure (`cargo run --release --example bench_qa`).
//!
//! Prints the time of one `Project::qa` of the pair, then per-frame times
//! (median and worst) with the view open: idle, scrolling the list, walking
//! the problems (F8), accepting segments (Shift+Enter: the reviews are put in
//! place, the pair is not checked again) and confirming figures of the pair
//! (Enter: a figure changed, so the pair is checked again). Each frame
//! includes layout and tessellation, as a real window does.

use std::path::Path;
use std::time::{Duration, Instant};

use egui::{Event, Key, Modifiers, RawInput, Rect, Vec2};
use tualek::app::Project;
use tualek::app::workbench::Workbench;
use tualek::import::{ImportOptions, document_from_bytes};
use tualek::model::{Segment, Span};
use tualek::ui::WorkbenchApp;

const SEGMENTS: usize = 10_000;

/// Segment `i` of the pair: (Lao, English), our own sentences with numbers.
fn segment(i: usize) -> (String, String) {
    let n = 17 + (i * 7919) % 9000;
    let (lao_n, eng_n) = match i % 12 {
        5 => (n, n + 10), // a mismatch
        _ => (n, n),
    };
    let lao = match i % 3 {
        0 => format!("ແຂວງນີ້ມີຄອບຄົວ {} ຄອບຄົວ ທີ່ໄດ້ຮັບການຊ່ວຍເຫຼືອ.", lao_grouped(lao_n)),
        1 => format!("ຊາວບ້ານ {} ຄົນ ໄດ້ເຂົ້າຮ່ວມກອງປະຊຸມ.", lao_grouped(lao_n)),
        _ => format!("ພວກເຂົາປູກຕົ້ນໄມ້ {} ຕົ້ນ ໃນເວລາ 3 ມື້.", lao_grouped(lao_n)),
    };
    let eng = match i % 3 {
        0 => format!(
            "The province has {} families who received help.",
            grouped(eng_n)
        ),
        1 => format!("{} villagers took part in the meeting.", grouped(eng_n)),
        // The 3 days are left out one time in four: missing.
        _ if i.is_multiple_of(4) => format!("They planted {} trees.", grouped(eng_n)),
        _ => format!("They planted {} trees in 3 days.", grouped(eng_n)),
    };
    (lao, eng)
}

fn grouped(n: usize) -> String {
    if n >= 1000 {
        format!("{},{:03}", n / 1000, n % 1000)
    } else {
        n.to_string()
    }
}

fn lao_grouped(n: usize) -> String {
    grouped(n).replace(',', ".")
}

fn spans(lines: &[String]) -> Vec<Span> {
    let mut at = 0;
    lines
        .iter()
        .map(|l| {
            let n = l.chars().count();
            let span = Span {
                start: at,
                end: at + n,
            };
            at += n + 1;
            span
        })
        .collect()
}

struct Bench {
    ctx: egui::Context,
    app: WorkbenchApp,
    size: Vec2,
}

impl Bench {
    fn frame(&mut self, events: Vec<Event>) -> Duration {
        let input = RawInput {
            screen_rect: Some(Rect::from_min_size(Default::default(), self.size)),
            events,
            ..Default::default()
        };
        let started = Instant::now();
        let app = &mut self.app;
        let mut output = self.ctx.run_ui(input, |ui| app.frame(ui));
        output.textures_delta.clear(); // no GPU here to upload them to
        let _ = self.ctx.tessellate(output.shapes, output.pixels_per_point);
        started.elapsed()
    }

    fn series(&mut self, name: &str, frames: usize, mut events: impl FnMut(usize) -> Vec<Event>) {
        let mut times: Vec<Duration> = (0..frames).map(|i| self.frame(events(i))).collect();
        times.sort();
        println!(
            "{name:<26} median {:>7.2} ms   worst {:>7.2} ms   ({frames} frames)",
            ms(times[times.len() / 2]),
            ms(*times.last().unwrap())
        );
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn key(k: Key, modifiers: Modifiers) -> Vec<Event> {
    [true, false]
        .into_iter()
        .map(|pressed| Event::Key {
            key: k,
            physical_key: None,
            pressed,
            repeat: false,
            modifiers,
        })
        .collect()
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bench.tualek");
    let (lao, eng): (Vec<String>, Vec<String>) = (0..SEGMENTS).map(segment).unzip();
    let doc = |name: &str, lines: &[String]| {
        let text = lines.join("\n") + "\n";
        document_from_bytes(text.as_bytes(), Path::new(name), &ImportOptions::default()).unwrap()
    };
    let (source, target) = (doc("big-lo.txt", &lao), doc("big-en.txt", &eng));
    let segments: Vec<Segment> = spans(&lao)
        .into_iter()
        .zip(spans(&eng))
        .enumerate()
        .map(|(i, (s, t))| Segment {
            id: 0,
            source_doc: 0,
            target_doc: 0,
            number: i as u32 + 1,
            source: s,
            target: t,
            source_tags: vec![],
            target_tags: vec![],
        })
        .collect();
    let mut p = Project::create(&path, "bench").unwrap();
    let started = Instant::now();
    let report = p
        .import_aligned(&dir.path().join("big.tmx"), &source, &target, &segments)
        .unwrap();
    println!(
        "pair: {SEGMENTS} segments, {} figures (import: {:.0} ms)",
        report.figures,
        ms(started.elapsed())
    );
    let (a, b) = p.store().segment_pairs().unwrap()[0];
    let started = Instant::now();
    let qa = p.qa(a, b).unwrap();
    let c = qa.counts();
    println!(
        "Project::qa                {:>7.2} ms   ({} ok, {} mismatch, {} missing, {} extra)",
        ms(started.elapsed()),
        c.ok,
        c.mismatch,
        c.missing,
        c.extra
    );
    drop(p);

    let mut wb = Workbench::new(None, "bench");
    wb.open_project(&path, false).unwrap();
    let ctx = egui::Context::default();
    tualek::fonts::install(&ctx);
    let mut bench = Bench {
        ctx,
        app: WorkbenchApp::new(wb),
        size: Vec2::new(1400.0, 900.0),
    };
    bench.frame(Vec::new());
    println!(
        "open the view (Q)          {:>7.2} ms",
        ms(bench.frame(key(Key::Q, Modifiers::NONE)))
    );
    bench.series("idle, view open", 30, |_| Vec::new());
    bench.series("scrolling the list", 120, |_| {
        vec![
            Event::PointerMoved(egui::pos2(500.0, 750.0)),
            Event::MouseWheel {
                source: egui::MouseWheelSource::Wheel,
                unit: egui::MouseWheelUnit::Point,
                delta: Vec2::new(0.0, -120.0),
                modifiers: Modifiers::NONE,
                phase: egui::TouchPhase::Move,
            },
        ]
    });
    bench.series("next problem (F8)", 100, |_| key(Key::F8, Modifiers::NONE));
    bench.series("accept (Shift+Enter)", 50, |i| {
        if i % 2 == 0 {
            key(Key::Enter, Modifiers::SHIFT)
        } else {
            key(Key::F8, Modifiers::NONE)
        }
    });
    bench.series("confirm a figure (Enter)", 50, |_| {
        key(Key::Enter, Modifiers::NONE)
    });
    bench.series("undo (Ctrl+Z)", 20, |_| key(Key::Z, Modifiers::COMMAND));
}
