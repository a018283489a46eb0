//! Generates the Tauri context and an ACL permission for every app command,
//! so the capability in tauri.conf.json can grant them to the main window only.

/// Every command the UI may call; keep in step with `generate_handler!` in lib.rs.
const COMMANDS: &[&str] = &[
    "app_info",
    "get_overview",
    "get_profile",
    "save_profile",
    "send_test_notification",
    "get_no_contact",
    "start_no_contact",
    "log_event",
    "get_settings",
    "save_settings",
    "set_autostart",
    "get_safety_resources",
    "quick_hide",
    "get_dealbreakers",
    "answer_dealbreakers",
    "choose_path",
    "get_reflection",
    "save_reflection",
    "add_growth_step",
    "set_growth_step",
    "decide",
    "get_vault",
    "save_draft",
    "save_pledge",
    "set_pattern",
    "set_growth_way",
    "list_backups",
    "restore_backup",
    "ui_ready",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri-build failed");
}
