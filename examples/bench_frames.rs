//! Headless frame benchmark of the workbench on a long document:
//! a 2 MB English text with about 15 000 figures (`cargo run --release --example bench_frames`).
//!
//! Prints the first frame and per-frame times (median and worst) while idle,
//! scrolling, jumping between figures, confirming, and resizing the window.
//! Each frame includes layout and tessellation, as a real window does.
//! Confirming is timed twice: frames back to back (a held key), and at a
//! display's 60 frames per second, when the flush thread has time to finish.
//!
//! For the worst frame of each series it also prints the CPU time the UI
//! thread spent in it (Unix): a worst frame much longer than its CPU time
//! was waiting — descheduled or stalled by the system — not working.

use std::time::{Duration, Instant};

use egui::{Event, Key, Modifiers, RawInput, Rect, Vec2};
use tualek::app::Project;
use tualek::app::workbench::Workbench;
use tualek::import::ImportOptions;
use tualek::ui::WorkbenchApp;

const SENTENCES: &[&str] = &[
    "The report from the regional office describes how the families were supported during the year, with {} people helped.",
    "Officials in the northern provinces said that the border crossings had been watched closely and {} cases were opened.",
    "Several of the workers who came back told the interviewers about long hours and unpaid wages, {} of them in factories.",
    "The committee met again in the capital to review what the districts had sent in, and noted {} new complaints.",
];

fn document() -> String {
    let mut text = String::with_capacity(2_100_000);
    let mut i = 0usize;
    while text.len() < 2_000_000 {
        let n = 17 + (i * 7919) % 9000;
        text.push_str(&SENTENCES[i % SENTENCES.len()].replace("{}", &format_number(n)));
        text.push(if i % 6 == 5 { '\n' } else { ' ' });
        i += 1;
    }
    text
}

fn format_number(n: usize) -> String {
    if n >= 1000 {
        format!("{},{:03}", n / 1000, n % 1000)
    } else {
        n.to_string()
    }
}

struct Bench {
    ctx: egui::Context,
    app: WorkbenchApp,
    size: Vec2,
    paced: bool,
    /// Points the window narrows by before each frame of a series.
    shrink: f32,
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
        // (wall time, the UI thread's CPU time) of each frame
        let mut times: Vec<(Duration, Option<Duration>)> = (0..frames)
            .map(|i| {
                if self.paced {
                    std::thread::sleep(Duration::from_millis(16));
                }
                self.size.x -= self.shrink;
                let events = events(i);
                let cpu = thread_cpu();
                let wall = self.frame(events);
                (
                    wall,
                    thread_cpu().zip(cpu).map(|(b, a)| b.saturating_sub(a)),
                )
            })
            .collect();
        times.sort();
        let (worst, worst_cpu) = *times.last().unwrap();
        let cpu = worst_cpu.map_or(String::new(), |c| format!(", {:.2} ms CPU", ms(c)));
        println!(
            "{name:<22} median {:>7.2} ms   worst {:>7.2} ms   ({frames} frames{cpu})",
            ms(times[times.len() / 2].0),
            ms(worst)
        );
    }
}

/// CPU time of the calling thread so far.
#[cfg(unix)]
fn thread_cpu() -> Option<Duration> {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime only writes the timespec it is given.
    let ok = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) } == 0;
    ok.then(|| Duration::new(t.tv_sec as u64, t.tv_nsec as u32))
}

#[cfg(not(unix))]
fn thread_cpu() -> Option<Duration> {
    None
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn key(k: Key) -> Vec<Event> {
    vec![
        Event::Key {
            key: k,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: Modifiers::NONE,
        },
        Event::Key {
            key: k,
            physical_key: None,
            pressed: false,
            repeat: false,
            modifiers: Modifiers::NONE,
        },
    ]
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let text = document();
    let file = dir.path().join("long-report.txt");
    std::fs::write(&file, &text).unwrap();
    let path = dir.path().join("bench.tualek");
    let mut p = Project::create(&path, "bench").unwrap();
    let started = Instant::now();
    let report = p
        .import(&[file], &ImportOptions::default(), &mut |_| true)
        .unwrap();
    println!(
        "document: {:.2} MB, {} figures (import with extraction: {:.0} ms)",
        text.len() as f64 / 1e6,
        report.figures,
        ms(started.elapsed())
    );
    drop(p);

    let mut wb = Workbench::new(None, "bench");
    wb.settings.two_panes = false;
    wb.open_project(&path, false).unwrap();
    let ctx = egui::Context::default();
    tualek::fonts::install(&ctx);
    let mut bench = Bench {
        ctx,
        app: WorkbenchApp::new(wb),
        size: Vec2::new(1400.0, 900.0),
        paced: false,
        shrink: 0.0,
    };

    println!(
        "first frame            {:>7.2} ms",
        ms(bench.frame(Vec::new()))
    );
    bench.series("idle", 30, |_| Vec::new());
    let scroll = |_| {
        vec![Event::MouseWheel {
            source: egui::MouseWheelSource::Wheel,
            unit: egui::MouseWheelUnit::Point,
            delta: Vec2::new(0.0, -120.0),
            modifiers: Modifiers::NONE,
            phase: egui::TouchPhase::Move,
        }]
    };
    bench.series("scrolling", 120, |i| {
        let mut e = vec![Event::PointerMoved(egui::pos2(700.0, 400.0))];
        e.extend(scroll(i));
        e
    });
    bench.series("next figure (J)", 100, |_| key(Key::J));
    bench.series("jump 500 figures (N)", 30, |i| {
        if i % 2 == 0 { key(Key::N) } else { Vec::new() }
    });
    bench.series("confirm (Enter)", 100, |_| key(Key::Enter));
    bench.paced = true;
    // moving alone, paced: what the lightest action's frame costs after
    // 16 ms away (caches gone cold), the floor under the paced confirms
    bench.series("next figure at 60 fps", 100, |_| key(Key::J));
    bench.series("confirm at 60 fps", 100, |_| key(Key::Enter));
    bench.paced = false;
    bench.series("undo (Ctrl+Z)", 20, |_| {
        vec![Event::Key {
            key: Key::Z,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: Modifiers::COMMAND,
        }]
    });
    // The part of a confirm frame spent in the project file: one commit; its
    // fsync follows on the flush thread (store::Flusher).
    let mut writes: Vec<Duration> = (0..50)
        .map(|_| {
            bench.app.wb.perform(tualek::app::workbench::Action::Next);
            let started = Instant::now();
            bench
                .app
                .wb
                .perform(tualek::app::workbench::Action::Confirm);
            started.elapsed()
        })
        .collect();
    writes.sort();
    println!(
        "confirm, write alone   median {:>7.2} ms   worst {:>7.2} ms   (50 writes)",
        ms(writes[25]),
        ms(writes[49])
    );
    // From a confirm's commit to its fsync on the flush thread: how long
    // "Saving…" shows. Not frame time.
    let mut flushes: Vec<Duration> = (0..20)
        .map(|_| {
            bench.app.wb.perform(tualek::app::workbench::Action::Next);
            bench
                .app
                .wb
                .perform(tualek::app::workbench::Action::Confirm);
            let started = Instant::now();
            assert!(bench.app.wb.wait_until_saved(Duration::from_secs(10)));
            started.elapsed()
        })
        .collect();
    flushes.sort();
    println!(
        "confirm, then on disk  median {:>7.2} ms   worst {:>7.2} ms   (20 flushes, off the frame)",
        ms(flushes[10]),
        ms(flushes[19])
    );
    // narrower by 7 points each frame, as a window edge being dragged
    bench.shrink = 7.0;
    bench.series("resizing", 40, |_| Vec::new());
}
