//! The bench's pass line: the budgets that hold, each checked against the
//! report; every failing one is printed, and the bench then fails.

use super::Report;

/// One budget: a figure of the report and its limit.
struct Budget {
    /// What it promises, in words.
    name: &'static str,
    /// The figure in the report.
    key: &'static str,
    /// Whether the figure must stay at or under the limit (or over it).
    at_most: bool,
    limit: f64,
}

const BUDGETS: &[Budget] = &[
    Budget {
        name: "the tray at its floor (at most 1.10x the PSS of the app started hidden; the encoder never loaded)",
        key: "tray_pss_ratio",
        at_most: true,
        limit: 1.10,
    },
    Budget {
        name: "under one wake-up a second in the tray",
        key: "tray_wakeups_per_s",
        at_most: true,
        limit: 0.99,
    },
    Budget {
        name: "get_overview p99 at most 5 ms",
        key: "invoke_p99_ms",
        at_most: true,
        limit: 5.0,
    },
    Budget {
        name: "flushed write p99 at most 10 ms",
        key: "write_p99_ms",
        at_most: true,
        limit: 10.0,
    },
    Budget {
        name: ".deb at most 40 MB",
        key: "deb_mb",
        at_most: true,
        limit: 40.0,
    },
    Budget {
        // Loading the encoder makes its weights resident (24.5 MB): a
        // first check that raises nothing found it loaded at start.
        name: "encoder not loaded at start (the first check loads it: resident +10 MB or more)",
        key: "encoder_first_check_rise_mb",
        at_most: false,
        limit: 10.0,
    },
    Budget {
        name: "encoder resident while loaded at most 40 MB",
        key: "encoder_loaded_mb",
        at_most: true,
        limit: 40.0,
    },
    Budget {
        name: "encoder check p99 at most 50 ms",
        key: "encoder_check_p99_ms",
        at_most: true,
        limit: 50.0,
    },
    Budget {
        name: "encoder given back after its idle minutes",
        key: "encoder_given_back",
        at_most: false,
        limit: 1.0,
    },
];

/// A budget judged against a report.
pub struct Verdict {
    pub name: &'static str,
    pub passed: bool,
    /// The figure, or NaN when it was not measured (which fails).
    value: f64,
}

/// Every budget against `report`; a figure that is missing fails.
pub fn judge(report: &Report) -> Vec<Verdict> {
    BUDGETS
        .iter()
        .map(|budget| {
            let value = report.get(budget.key);
            let passed = if budget.at_most {
                value <= budget.limit
            } else {
                value >= budget.limit
            };
            Verdict {
                name: budget.name,
                passed,
                value,
            }
        })
        .collect()
}

/// The pass line: one line per budget, then the count of failures.
pub fn print(verdicts: &[Verdict]) {
    println!("\nBudgets:");
    for verdict in verdicts {
        let mark = if verdict.passed { "pass" } else { "FAIL" };
        println!("  {mark}  {} ({:.2})", verdict.name, verdict.value);
    }
    let failed = verdicts.iter().filter(|v| !v.passed).count();
    if failed == 0 {
        println!("All {} budgets hold.", verdicts.len());
    } else {
        println!("{failed} of {} budgets FAIL.", verdicts.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(pairs: &[(&str, f64)]) -> Report {
        let mut report = Report::default();
        for (key, value) in pairs {
            report.put(key, *value);
        }
        report
    }

    fn all_holding() -> Vec<(&'static str, f64)> {
        vec![
            ("tray_pss_ratio", 0.98),
            ("tray_wakeups_per_s", 0.05),
            ("invoke_p99_ms", 2.0),
            ("write_p99_ms", 3.0),
            ("deb_mb", 30.0),
            ("encoder_first_check_rise_mb", 30.0),
            ("encoder_loaded_mb", 35.0),
            ("encoder_check_p99_ms", 30.0),
            ("encoder_given_back", 1.0),
        ]
    }

    #[test]
    fn figures_within_every_budget_pass() {
        assert!(judge(&report(&all_holding())).iter().all(|v| v.passed));
    }

    #[test]
    fn each_figure_over_its_budget_fails_alone() {
        let over = [
            ("tray_pss_ratio", 1.2),
            ("tray_wakeups_per_s", 1.0),
            ("invoke_p99_ms", 6.0),
            ("write_p99_ms", 11.0),
            ("deb_mb", 41.0),
            ("encoder_first_check_rise_mb", 0.5),
            ("encoder_loaded_mb", 41.0),
            ("encoder_check_p99_ms", 51.0),
            ("encoder_given_back", 0.0),
        ];
        for (key, value) in over {
            let mut pairs = all_holding();
            pairs.retain(|(k, _)| *k != key);
            pairs.push((key, value));
            let failed: Vec<_> = judge(&report(&pairs))
                .into_iter()
                .filter(|v| !v.passed)
                .collect();
            assert_eq!(failed.len(), 1, "{key}");
        }
    }

    #[test]
    fn a_figure_not_measured_fails() {
        let mut pairs = all_holding();
        pairs.retain(|(k, _)| *k != "encoder_check_p99_ms");
        let verdicts = judge(&report(&pairs));
        assert_eq!(verdicts.iter().filter(|v| !v.passed).count(), 1);
    }
}
