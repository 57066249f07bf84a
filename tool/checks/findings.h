// One finding of a check: primary location on the borrow, notes (suspend
// points, where the referent dies, where the borrow is used) and fix-its.
// The emitter applies the category's severity, prints through clang's
// DiagnosticsEngine and keeps a copy for the SARIF/YAML exports.
#pragma once

#include "checks/options.h"
#include "reports/export.h"

#include "clang/AST/ASTContext.h"
#include "clang/Basic/Diagnostic.h"

#include <set>
#include <string>
#include <vector>

namespace bcsc::checks {

struct Note {
  clang::SourceLocation loc;
  std::string message;
  std::vector<clang::FixItHint> fixes;
};

struct Finding {
  Category category;
  clang::SourceLocation loc;
  clang::SourceRange range;
  std::string message;
  std::vector<Note> notes;
};

class Emitter {
 public:
  explicit Emitter(clang::ASTContext& context) : context_(context) {}
  void report(Finding finding);
  void suspendNotes(Finding& finding, const std::vector<const clang::Expr*>& awaits);
  bool hadError() const { return hadError_; }

 private:
  reports::ExportLocation exportLocation(clang::SourceLocation loc) const;
  clang::ASTContext& context_;
  std::set<std::pair<unsigned, std::string>> seen_;
  bool hadError_ = false;
};

// Everything reported so far, for finishExports().
std::vector<reports::ExportDiagnostic>& exportedDiagnostics();

}  // namespace bcsc::checks
