// Rewritten source text of AST nodes.
//
// The lowering keeps every expression that does not need restructuring as
// the user wrote it, with a few leaf substitutions (a frame variable becomes
// its slot accessor, `this` becomes `self`, a co_await becomes its result).
// SourceText holds the substitutions for one function body and renders the
// text of any range with them applied. It edits nothing in place.
#pragma once

#include "clang/AST/Expr.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Basic/LangOptions.h"
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace bcsc::analysis {

// A half-open byte range [begin, end) in the main file.
struct FileSpan {
  unsigned begin = 0;
  unsigned end = 0;
  bool contains(const FileSpan& o) const { return begin <= o.begin && o.end <= end; }
};

struct Substitution {
  FileSpan span;
  std::string text;
};

class SourceText {
 public:
  SourceText(const clang::SourceManager& sm, const clang::LangOptions& lang);

  // The main-file span of a node, or nullopt if it is not one contiguous
  // piece of the main file (e.g. it comes from inside a macro body).
  std::optional<FileSpan> spanOf(clang::SourceRange range) const;
  // The span of a single token location (macro arguments map to where the
  // user wrote them).
  std::optional<FileSpan> tokenSpan(clang::SourceLocation loc) const;

  // Registers a substitution that applies wherever its span is rendered.
  void substitute(FileSpan span, std::string text);

  // Renders `span` with the permanent substitutions and `overrides` (which
  // win over anything they enclose) applied.
  std::string render(FileSpan span, const std::vector<Substitution>& overrides = {}) const;

  // Renders `span` with only `overrides` applied (no permanent ones).
  std::string renderOnly(FileSpan span, const std::vector<Substitution>& overrides) const;

  llvm::StringRef original(FileSpan span) const;
  // `span` extended over a `;` that follows it (after white space), if any.
  FileSpan withTrailingSemicolon(FileSpan span) const;
  unsigned lineOf(unsigned offset) const;
  const clang::SourceManager& sourceManager() const { return sm_; }

 private:
  const clang::SourceManager& sm_;
  const clang::LangOptions& lang_;
  llvm::StringRef buffer_;
  std::string renderWith(FileSpan span, const std::vector<Substitution>& overrides, bool permanent) const;

  std::map<unsigned, Substitution> permanent_;  // keyed by begin offset
};

}  // namespace bcsc::analysis
