// Lowering one source buffer in memory: no file is read from or written to
// disk unless asked (the fuzzing harness and tests use this; `bcsc lower`
// reads and writes files through ClangTool).
#pragma once

#include "driver/pipeline.h"

#include "llvm/ADT/StringRef.h"

#include <map>
#include <string>
#include <vector>

namespace bcsc::driver {

struct InMemoryOptions {
  // The main file's name; relative names are under /bcsc-in-memory/.
  std::string fileName = "input.cpp";
  // Extra files visible to the compiler (e.g. a prelude for -include),
  // path -> contents; relative paths are under /bcsc-in-memory/.
  std::map<std::string, std::string> files;
  // Clang arguments added after extraClangArguments(), e.g. {"-include", "prelude.hpp"}.
  std::vector<std::string> args;
  // false: the compiler sees only `files` and the main file (no system
  // headers, no /dev/stdin); true: the real file system lies underneath.
  bool realFileSystem = false;
  // false: count the diagnostics without rendering them (InMemoryResult::
  // diagnostics stays ""); rendering source snippets was a fifth of the
  // fuzzer's time on malformed inputs.
  bool renderDiagnostics = true;
  // Run under llvm::CrashRecoveryContext: a crash (signal) inside the
  // compilation returns with `crashed` set instead of ending the process
  // (objects of the crashed compilation leak). The caller must have called
  // llvm::CrashRecoveryContext::Enable().
  bool recoverCrashes = false;
  // Only parse (clang's SyntaxOnlyAction, no bcsc stage): tells a crash in
  // clang's parser from one in bcsc.
  bool parseOnly = false;
  PipelineOptions pipeline;
};

struct InMemoryResult {
  bool success = false;      // lowered without errors
  unsigned errors = 0;       // error (and fatal) diagnostics
  std::string diagnostics;   // every diagnostic, as clang prints them
  // The lowered translation unit. The pipeline hands it over only when the
  // unit had no error, so it stays "" on failure (the fuzzer checks this).
  std::string output;
  bool crashed = false;  // with recoverCrashes: the compilation crashed
};

// Runs the pipeline of `bcsc lower` (borrow checks, then lowering) over
// `code`. Thread-compatible, not thread-safe (llvm::cl options and the
// exported-diagnostics list are global).
InMemoryResult lowerInMemory(llvm::StringRef code, const InMemoryOptions& options = {});

}  // namespace bcsc::driver
