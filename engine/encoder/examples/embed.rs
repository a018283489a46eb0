//! Prints the first values of a text's vector and its piece ids:
//! `cargo run -p encoder --example embed -- WEIGHTS TEXT...`.
fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: embed WEIGHTS TEXT...");
    let bytes = std::fs::read(&path).expect("weights file");
    let encoder = encoder::Encoder::new(&bytes).expect("weights");
    for text in args {
        let start = std::time::Instant::now();
        let v = encoder.embed_query(&text);
        let took = start.elapsed();
        println!(
            "{text:?} {took:?} ids={:?}",
            encoder.tokenize(&format!("query: {text}"))
        );
        println!("  {:?}", &v[..6]);
        if std::env::var_os("EMBED_FULL").is_some() {
            println!(
                "FULL {}",
                v.iter()
                    .map(|x| x.to_string())
                    .collect::<Vec<_>>()
                    .join(",")
            );
        }
    }
}
