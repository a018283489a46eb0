use std::io::BufRead as _;
fn main() {
    let mut n = 0;
    let mut f = 0;
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        let t = line.rsplit('\t').next().unwrap_or(&line).to_string();
        n += 1;
        let flagged = engine::text::model::sentences(&t).iter().any(|&(s, e)| {
            let x: String = t.chars().skip(s).take(e - s).collect();
            engine::text::model::flags(&x)
        });
        if flagged {
            f += 1;
        }
    }
    println!("{f}/{n} flagged");
}
