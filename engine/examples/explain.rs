//! Shows what the crisis and begging detectors make of each argument (or
//! of each line on standard input): the tier, danger, the draft level and
//! the marked phrases. A tool for writing rules, not part of the app.
//!
//! `cargo run -p engine --example explain -- "I can't go on"`; with
//! `--pattern PATTERN TEXT...` it shows where one pattern matches; with
//! `--time` it times `assess` on an entry of about 2,000 characters (run it
//! with `--release`).

use std::io::BufRead as _;

fn explain(text: &str) {
    let chars: Vec<char> = text.chars().collect();
    let mark = |start: usize, end: usize| chars[start..end].iter().collect::<String>();
    let a = engine::safety::assess(text);
    let b = engine::begging::analyse(text);
    println!(
        "{text}\n  crisis: {:?}{}; draft: {:?}",
        a.tier,
        if a.danger_from_someone {
            " + danger"
        } else {
            ""
        },
        b.level
    );
    for f in &a.findings {
        println!("    {:?}: {}", f.sign, mark(f.start, f.end));
    }
    for f in &b.findings {
        println!("    draft {:?}: {}", f.category, mark(f.start, f.end));
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().is_some_and(|a| a == "--pattern") && args.len() > 2 {
        let pattern = engine::text::Pattern::new(&args[1]);
        for text in &args[2..] {
            let tokens = engine::text::tokens(text);
            let words: Vec<&str> = tokens.iter().map(|t| t.word.as_str()).collect();
            println!(
                "{text}\n  tokens: {words:?}\n  matches: {:?}",
                pattern.find_all(&tokens)
            );
        }
        return;
    }
    if args.first().is_some_and(|a| a == "--time") {
        let sentence = "Went to work, came home, cooked pasta, the usual, and I keep thinking \
            about how the evenings are the worst since she left. ";
        let entry: String = sentence.repeat(2000 / sentence.len() + 1);
        engine::safety::assess(&entry);
        let runs = 200;
        let started = std::time::Instant::now();
        for _ in 0..runs {
            std::hint::black_box(engine::safety::assess(std::hint::black_box(&entry)));
        }
        let per = started.elapsed().as_secs_f64() * 1e6 / f64::from(runs);
        println!(
            "assess of {} characters: {per:.0} us",
            entry.chars().count()
        );
        return;
    }
    if args.is_empty() {
        for line in std::io::stdin().lock().lines().map_while(Result::ok) {
            // Corpus lines (label, lang, text) or plain text.
            explain(line.rsplit('\t').next().unwrap_or(&line));
        }
    } else {
        for text in &args {
            explain(text);
        }
    }
}
