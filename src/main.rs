//! The `recoupe` command: parses arguments, runs the library, prints, and maps outcomes to exit
//! codes (0 success, 1 a gate tripped, 2 usage, input or I/O error).

mod cli;

fn main() {
    std::process::exit(cli::main());
}
