//! A bare Tauri hello-world with one window: the baseline for
//! `cargo xtask bench`. The page asks for a greeting, draws it, then reports
//! ready exactly as Crossroads does (one line on stdout).

use std::io::Write;

#[tauri::command]
fn greet() -> String {
    "Hello, world".into()
}

#[tauri::command]
fn ready() {
    let _ = writeln!(std::io::stdout(), "crossroads: ready");
}

fn main() {
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![greet, ready])
        .run(tauri::generate_context!())
        .expect("the baseline could not start");
}
