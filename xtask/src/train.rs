//! `cargo xtask train`.
use crate::system::Failure;
pub fn run(_args: &[String]) -> Result<(), Failure> {
    Err(Failure("not yet".into()))
}
