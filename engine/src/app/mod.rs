//! The facade's methods, one file per family of commands (mirroring
//! the shell's `commands/`): each checks the gate, calls a step in one
//! transaction, and answers with the view the screen shows.

mod backups;
mod care;
mod data;
mod dealbreakers;
mod drafts;
mod endings;
mod life;
mod no_contact;
mod privacy;
mod profile;
mod program;
mod reflect;
mod settings;
