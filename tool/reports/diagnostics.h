// Reports: bcsc's diagnostics go through clang's DiagnosticsEngine, so they
// print as `file:line:col: error: ...` with source snippets, honour
// -Werror-style options and count toward the exit status.
#pragma once

#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/StringRef.h"

namespace bcsc::reports {

class Reporter {
 public:
  explicit Reporter(clang::DiagnosticsEngine& engine) : engine_(engine) {}

  void error(clang::SourceLocation loc, llvm::StringRef message) {
    emit(clang::DiagnosticsEngine::Error, loc, message);
  }
  void warning(clang::SourceLocation loc, llvm::StringRef message) {
    emit(clang::DiagnosticsEngine::Warning, loc, message);
  }
  void note(clang::SourceLocation loc, llvm::StringRef message) {
    emit(clang::DiagnosticsEngine::Note, loc, message);
  }
  bool hasErrors() const { return engine_.hasErrorOccurred(); }
  clang::DiagnosticsEngine& engine() { return engine_; }

 private:
  void emit(clang::DiagnosticsEngine::Level level, clang::SourceLocation loc, llvm::StringRef message) {
    unsigned id = engine_.getCustomDiagID(level, "%0");
    engine_.Report(loc, id) << message;
  }
  clang::DiagnosticsEngine& engine_;
};

}  // namespace bcsc::reports
