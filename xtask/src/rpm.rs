//! The .rpm for Fedora (and, untried, openSUSE), made by Tauri's own
//! bundler (no download), and its test on this Debian machine as far as it
//! goes: `rpm -qp` lists what the package holds and needs, and `rpm --root`
//! installs it into an empty folder (without its dependencies, which a
//! Debian machine has under other names), where the files are checked.
//! Starting the installed app needs Fedora itself: not done here.
//!
//! The `rpm` tool comes from Debian's own package, installed by the xtask
//! like every other tool it needs.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::bundle::{mb, tauri_build, EXPECTED as PACKAGE_FILES};
use crate::system::{self, run_checked, workspace_root, Failure};

/// What the package must name as its dependencies (Fedora's names).
const REQUIRES: &[&str] = &["webkit2gtk4.1", "gtk3", "libappindicator-gtk3"];

/// Builds the release app and its .rpm, tests it; returns the .rpm.
pub fn build_and_test() -> Result<PathBuf, Failure> {
    tauri_build("rpm")?;
    let dir = workspace_root().join("target/release/bundle/rpm");
    let rpm = newest_rpm(&dir).ok_or_else(|| Failure(format!("no .rpm in {}", dir.display())))?;
    println!("\n.rpm: {}  ({:.2} MB)", rpm.display(), mb(&rpm));
    system::ensure_packages(&["rpm"])?;
    test_rpm(&rpm)?;
    Ok(rpm)
}

fn newest_rpm(dir: &Path) -> Option<PathBuf> {
    fs::read_dir(dir)
        .ok()?
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".rpm"))
        .max_by_key(|e| e.metadata().and_then(|m| m.modified()).ok())
        .map(|e| e.path())
}

/// `rpm ARGS`, its standard output.
fn rpm(args: &[&str]) -> Result<String, Failure> {
    let output = Command::new("rpm")
        .args(args)
        .output()
        .map_err(|e| Failure(format!("rpm {}: {e}", args.join(" "))))?;
    if output.status.success() {
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    } else {
        Err(Failure(format!(
            "rpm {} failed: {}",
            args.join(" "),
            String::from_utf8_lossy(&output.stderr)
        )))
    }
}

/// Lists, then installs into an empty root and checks what was placed.
pub fn test_rpm(package: &Path) -> Result<(), Failure> {
    println!("\n==> package test: {}", package.display());
    let path = package.to_string_lossy();
    let name = rpm(&["-qp", "--queryformat", "%{NAME} %{VERSION}", &path])?;
    println!("  {name}");
    if !name.starts_with("crossroads ") {
        return Err(Failure(format!("the package is named {name:?}")));
    }
    let listed = rpm(&["-qpl", &path])?;
    for file in PACKAGE_FILES {
        if !listed.lines().any(|l| l == *file) {
            return Err(Failure(format!("the .rpm does not hold {file}:\n{listed}")));
        }
    }
    println!("  rpm -qpl lists the binary, the desktop entry and the icons");
    let requires = rpm(&["-qpR", &path])?;
    for needed in REQUIRES {
        if !requires
            .lines()
            .any(|l| l.split_whitespace().next() == Some(needed))
        {
            return Err(Failure(format!(
                "the .rpm does not require {needed}:\n{requires}"
            )));
        }
    }
    println!(
        "  rpm -qpR: {}",
        requires
            .lines()
            .filter(|l| !l.starts_with("rpmlib("))
            .collect::<Vec<_>>()
            .join(", ")
    );

    let root = std::env::temp_dir().join(format!("crossroads-rpm-root-{}", std::process::id()));
    let _ = fs::remove_dir_all(&root);
    fs::create_dir_all(&root).map_err(|e| Failure(format!("create {}: {e}", root.display())))?;
    let placed = install_into(&root, &path);
    let _ = fs::remove_dir_all(&root);
    placed?;
    println!("package test passed: listed, its dependencies named, installed into an empty root");
    Ok(())
}

fn install_into(root: &Path, package: &str) -> Result<(), Failure> {
    let root_arg = root.to_string_lossy();
    // An empty root has no database yet; the dependencies are Fedora's
    // packages, which an empty folder does not have.
    run_checked(
        "rpm --initdb into an empty root",
        Command::new("rpm").args(["--root", &root_arg, "--initdb"]),
    )?;
    run_checked(
        "rpm -i into an empty root",
        Command::new("rpm").args([
            "--root",
            &root_arg,
            "-i",
            "--nodeps",
            "--noscripts",
            package,
        ]),
    )?;
    let installed = rpm(&["--root", &root_arg, "-qa"])?;
    if !installed.lines().any(|l| l.starts_with("crossroads-")) {
        return Err(Failure(format!(
            "the empty root does not list crossroads: {installed}"
        )));
    }
    for file in PACKAGE_FILES {
        let placed = root.join(file.trim_start_matches('/'));
        if !placed.is_file() {
            return Err(Failure(format!("the .rpm did not place {file}")));
        }
        println!("  placed {file}");
    }
    let bin = root.join("usr/bin/crossroads");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&bin)
            .map_err(|e| Failure(e.to_string()))?
            .permissions()
            .mode();
        if mode & 0o111 == 0 {
            return Err(Failure(format!("{} is not executable", bin.display())));
        }
    }
    let desktop = fs::read_to_string(root.join("usr/share/applications/Crossroads.desktop"))
        .map_err(|e| Failure(format!("read the desktop entry: {e}")))?;
    crate::bundle::check_desktop_entry(&desktop)?;
    println!("  desktop entry: Exec, Icon, Name and Type as expected");
    Ok(())
}
