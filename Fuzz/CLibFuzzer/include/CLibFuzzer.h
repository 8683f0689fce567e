// libFuzzer's driver entry point (compiler-rt, FuzzerInterface.h): the fuzz targets call it from
// their own main, so SwiftPM's renamed entry point and libFuzzer's main never clash. It is
// resolved from the sanitizer runtime only in fuzz builds (-sanitize=fuzzer).
#include <stddef.h>
#include <stdint.h>
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
