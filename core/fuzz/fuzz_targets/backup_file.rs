#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| oneday_core::fuzzing::backup_file(data));
