#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| recoupe::fuzzing::text(data));
