//! Contrast of the theme's colours (WCAG 2.2 AA), in light and dark mode.
//!
//! Reads the custom properties of ui/styles.css (the `:root` blocks, and
//! those inside `@media (prefers-color-scheme: dark)` over them) and checks
//! every pairing of a foreground and a background the stylesheet uses:
//! 4.5:1 for text, 3:1 for the parts of a control (borders, the focus ring,
//! the accent button's edge) and for the marks of a chart. A plain
//! `cargo test`: no display.

use std::collections::HashMap;

const STYLES: &str = include_str!("../ui/styles.css");

/// Text of any size: 1.4.3, contrast (minimum).
const TEXT: f64 = 4.5;
/// Control parts, focus indicators and chart marks: 1.4.11, non-text contrast.
const PARTS: f64 = 3.0;

/// Every background a text or a control sits on somewhere in the stylesheet.
const BACKGROUNDS: [&str; 5] = ["bg", "surface", "surface-2", "accent-soft", "danger-soft"];

/// (foreground, backgrounds, minimum, where the stylesheet pairs them).
const PAIRS: &[(&str, &[&str], f64, &str)] = &[
    (
        "text",
        &BACKGROUNDS,
        TEXT,
        "body text, labels, marks, the emergency note",
    ),
    (
        "muted",
        &BACKGROUNDS,
        TEXT,
        "hints, dates, step statuses, notes in cards",
    ),
    (
        "accent",
        &BACKGROUNDS,
        TEXT,
        "links, link buttons, the day count",
    ),
    (
        "danger",
        &["bg", "surface", "surface-2", "danger-soft"],
        TEXT,
        "errors by their field",
    ),
    (
        "ok",
        &["bg", "surface", "surface-2"],
        TEXT,
        "\"Saved\" and other good news",
    ),
    (
        "accent-text",
        &["accent"],
        TEXT,
        "the primary buttons' words",
    ),
    ("surface", &["danger"], TEXT, "the erase button's words"),
    (
        "control-line",
        &BACKGROUNDS,
        PARTS,
        "the borders of inputs, textareas, selects, choices, secondary buttons",
    ),
    ("focus", &BACKGROUNDS, PARTS, "the focus ring"),
    (
        "accent",
        &["bg", "surface", "surface-2"],
        PARTS,
        "primary buttons' edge, a chosen option's border",
    ),
    (
        "danger",
        &["bg", "surface"],
        PARTS,
        "an invalid field's border",
    ),
    ("chart-axis", &["surface"], PARTS, "the charts' axes"),
    ("kind-friends", &["surface"], PARTS, "activity bars"),
    ("kind-exercise", &["surface"], PARTS, "activity bars"),
    ("kind-hobby", &["surface"], PARTS, "activity bars"),
    ("kind-other", &["surface"], PARTS, "activity bars"),
    ("ok", &["surface"], PARTS, "the streak line"),
];

/// The stylesheet without its comments.
fn css() -> String {
    let mut out = String::new();
    let mut rest = STYLES;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        let end = rest[start..].find("*/").expect("a closed comment");
        rest = &rest[start + end + 2..];
    }
    out.push_str(rest);
    out
}

/// The custom properties set on `:root`: (light, dark), dark over light.
fn themes() -> (HashMap<String, String>, HashMap<String, String>) {
    let css = css();
    let mut light = HashMap::new();
    let mut dark_only = HashMap::new();
    let mut at = 0;
    while let Some(found) = css[at..].find(":root") {
        let start = at + found;
        let open = start + css[start..].find('{').expect("a :root block");
        let close = open + css[open..].find('}').expect("a closed :root block");
        // Inside the dark media query when the text before it, up to the
        // last closing brace, opens that query.
        let before = &css[..start];
        let since_last_block = &before[before.rfind('}').map_or(0, |i| i + 1)..];
        let dark = since_last_block.contains("prefers-color-scheme: dark");
        let target = if dark { &mut dark_only } else { &mut light };
        for declaration in css[open + 1..close].split(';') {
            if let Some((name, value)) = declaration.split_once(':') {
                if let Some(name) = name.trim().strip_prefix("--") {
                    target.insert(name.to_owned(), value.trim().to_owned());
                }
            }
        }
        at = close;
    }
    let mut dark = light.clone();
    dark.extend(dark_only);
    (light, dark)
}

/// An `#rrggbb` colour as 0..1 channels.
fn rgb(value: &str) -> [f64; 3] {
    let hex = value
        .strip_prefix('#')
        .filter(|h| h.len() == 6)
        .unwrap_or_else(|| panic!("{value} is not an #rrggbb colour"));
    let channel = |i: usize| f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
    [channel(0), channel(2), channel(4)]
}

/// WCAG relative luminance.
fn luminance(value: &str) -> f64 {
    let linear = |c: f64| {
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let [r, g, b] = rgb(value);
    0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

/// WCAG contrast ratio, 1 to 21.
fn ratio(a: &str, b: &str) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[test]
fn the_formula_matches_wcag_s_reference_values() {
    assert!((ratio("#000000", "#ffffff") - 21.0).abs() < 1e-9);
    assert!((ratio("#777777", "#ffffff") - 4.48).abs() < 0.01);
    assert!((ratio("#ffffff", "#ffffff") - 1.0).abs() < 1e-9);
}

#[test]
fn both_themes_set_every_colour_the_checks_need() {
    let (light, dark) = themes();
    for (name, theme) in [("light", &light), ("dark", &dark)] {
        for (fg, bgs, _, _) in PAIRS {
            for var in std::iter::once(fg).chain(bgs.iter()) {
                let value = theme
                    .get(*var)
                    .unwrap_or_else(|| panic!("--{var} is not set in the {name} theme"));
                rgb(value);
            }
        }
    }
    // The dark theme is a real one, not the light colours inherited.
    assert_ne!(light["bg"], dark["bg"]);
    assert_ne!(light["control-line"], dark["control-line"]);
}

#[test]
fn every_text_and_control_part_has_enough_contrast_in_both_themes() {
    let (light, dark) = themes();
    let mut failures = Vec::new();
    for (name, theme) in [("light", &light), ("dark", &dark)] {
        for (fg, bgs, minimum, used_for) in PAIRS {
            for bg in *bgs {
                let r = ratio(&theme[*fg], &theme[*bg]);
                if r < *minimum {
                    failures.push(format!(
                        "{name}: --{fg} {} on --{bg} {} is {r:.2}:1, below {minimum}:1 ({used_for})",
                        theme[*fg], theme[*bg]
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn controls_are_drawn_with_the_control_line_not_the_faint_divider() {
    // --line is for dividers and card edges (decoration, no minimum); a
    // control's border is what shows where to type or click, so it must
    // use --control-line, which the contrast test holds to 3:1.
    let css = css();
    let control = [
        "input",
        "textarea",
        "select",
        ".choice",
        "button",
        "button-link",
    ];
    let mut failures = Vec::new();
    let mut rest = css.as_str();
    while let Some(open) = rest.find('{') {
        let selector = rest[..open]
            .rsplit(['}', ';', '{'])
            .next()
            .unwrap_or("")
            .trim();
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        let body = &rest[open + 1..open + close];
        if !body.contains('{')
            && control.iter().any(|c| selector.contains(c))
            && body
                .split(';')
                .any(|d| d.trim_start().starts_with("border") && d.contains("var(--line)"))
        {
            failures.push(selector.to_owned());
        }
        rest = &rest[open + 1..];
    }
    assert!(
        failures.is_empty(),
        "controls bordered with --line: {failures:?}"
    );
}
