// libFuzzer harness for the bcsc tool: every input is one C++ main file,
// compiled with `-include prelude.hpp` and run through the pipeline of
// `bcsc lower` (borrow checks, then lowering) in process, in memory.
//
// The contract (tests/fuzz/libfuzzer/README.md, docs/testing.md): the tool
// never crashes, asserts or hangs (libFuzzer and the sanitizers catch those),
// and for every input either
//   - it succeeds: no error diagnostic, a non-empty lowered output, or
//   - it fails: at least one error diagnostic, and no output.
// A violation aborts with the diagnostics printed, so libFuzzer keeps the
// input as a crash.
#include "driver/in_memory.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

const char kPrelude[] =
#include "prelude.inc"
    ;

const bcsc::driver::InMemoryOptions& fuzzOptions() {
  static const bcsc::driver::InMemoryOptions options = [] {
    bcsc::driver::InMemoryOptions o;
    o.fileName = "input.cpp";
    o.files["prelude.hpp"] = kPrelude;
    // -Wno-return-type steers around a clang bug, not a bcsc one: with the
    // fall-through check on (the default), clang's CFG for a function body
    // doubles with every nested co_await; plain `clang++-19 -fsyntax-only`
    // takes 0.33 s at 18 levels, 0.70 s at 20, 2.9 s at 22 (see
    // docs/testing.md). Every other default flag of bcsc stays.
    o.args = {"-include", "prelude.hpp", "-Wno-return-type"};
    o.pipeline.format = std::getenv("BCSC_FUZZ_FORMAT") != nullptr;  // clang-format: see docs/testing.md
    o.realFileSystem = false;  // no system headers, no /dev/stdin: inputs see only the prelude
    return o;
  }();
  return options;
}

bool verbose() {
  static const bool on = std::getenv("BCSC_FUZZ_VERBOSE") != nullptr;
  return on;
}

[[noreturn]] void violated(const char* what, const bcsc::driver::InMemoryResult& r) {
  std::fprintf(stderr, "bcsc_fuzz: contract violated: %s (success=%d errors=%u output=%zu bytes)\n", what,
               r.success, r.errors, r.output.size());
  std::fprintf(stderr, "--- diagnostics ---\n%s--- end ---\n", r.diagnostics.c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  llvm::StringRef code(reinterpret_cast<const char*>(data), size);
  bcsc::driver::InMemoryResult r = bcsc::driver::lowerInMemory(code, fuzzOptions());
  if (verbose()) {
    std::fprintf(stderr, "bcsc_fuzz: %s, %u errors, %zu bytes of output\n%s", r.success ? "lowered" : "failed",
                 r.errors, r.output.size(), r.diagnostics.c_str());
    if (std::getenv("BCSC_FUZZ_VERBOSE")[0] == '2') std::fprintf(stderr, "--- output ---\n%s", r.output.c_str());
  }
  if (r.success) {
    if (r.errors != 0) violated("succeeded with error diagnostics", r);
    if (r.output.empty()) violated("succeeded without output", r);
  } else {
    if (r.errors == 0) violated("failed without an error diagnostic", r);
    if (!r.output.empty()) violated("failed but produced output", r);
  }
  return 0;
}
