//! Reads `label<TAB>lang<TAB>text` lines on standard input and prints what
//! the rules alone make of each (crisis reading, draft level, coach flag),
//! for comparing the rules with the heads while training:
//! `cargo run -p engine --no-default-features --example rules_readings < FILE`.
use std::io::BufRead;

fn main() {
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let text = line.splitn(3, '\t').nth(2).unwrap_or("");
        let a = engine::safety::assess(text);
        let crisis = match a.tier {
            engine::safety::Tier::Higher => "higher",
            engine::safety::Tier::Lower => "lower",
            engine::safety::Tier::None if a.danger_from_someone => "danger",
            engine::safety::Tier::None => "none",
        };
        let level = format!("{:?}", engine::begging::analyse(text).level).to_lowercase();
        let coach = engine::coach::review(text).flagged();
        println!("{crisis}\t{}\t{level}\t{coach}", a.danger_from_someone);
    }
}
