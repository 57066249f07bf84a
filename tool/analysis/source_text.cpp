#include "analysis/source_text.h"

#include "clang/Lex/Lexer.h"
#include <algorithm>

namespace bcsc::analysis {

SourceText::SourceText(const clang::SourceManager& sm, const clang::LangOptions& lang)
    : sm_(sm), lang_(lang), buffer_(sm.getBufferData(sm.getMainFileID())) {}

std::optional<FileSpan> SourceText::spanOf(clang::SourceRange range) const {
  clang::CharSourceRange chars = clang::Lexer::makeFileCharRange(
      clang::CharSourceRange::getTokenRange(range), sm_, lang_);
  if (chars.isInvalid()) return std::nullopt;
  auto [beginFile, begin] = sm_.getDecomposedLoc(chars.getBegin());
  auto [endFile, end] = sm_.getDecomposedLoc(chars.getEnd());
  if (beginFile != sm_.getMainFileID() || endFile != beginFile || end < begin) return std::nullopt;
  return FileSpan{begin, end};
}

std::optional<FileSpan> SourceText::tokenSpan(clang::SourceLocation loc) const {
  if (loc.isMacroID()) {
    if (!sm_.isMacroArgExpansion(loc)) return std::nullopt;
    loc = sm_.getSpellingLoc(loc);
  }
  return spanOf(clang::SourceRange(loc, loc));
}

void SourceText::substitute(FileSpan span, std::string text) {
  permanent_[span.begin] = Substitution{span, std::move(text)};
}

llvm::StringRef SourceText::original(FileSpan span) const {
  return buffer_.slice(span.begin, span.end);
}

FileSpan SourceText::withTrailingSemicolon(FileSpan span) const {
  size_t next = buffer_.find_first_not_of(" \t\r\n", span.end);
  if (next != llvm::StringRef::npos && buffer_[next] == ';' && buffer_.slice(span.begin, span.end).back() != '}')
    span.end = static_cast<unsigned>(next + 1);
  return span;
}

unsigned SourceText::lineOf(unsigned offset) const {
  return sm_.getLineNumber(sm_.getMainFileID(), offset);
}

std::string SourceText::render(FileSpan span, const std::vector<Substitution>& overrides) const {
  return renderWith(span, overrides, true);
}

std::string SourceText::renderOnly(FileSpan span, const std::vector<Substitution>& overrides) const {
  return renderWith(span, overrides, false);
}

std::string SourceText::renderWith(FileSpan span, const std::vector<Substitution>& overrides,
                                   bool permanent) const {
  // Collect the substitutions inside the span; an outer one hides the
  // ones it encloses, and an override hides a permanent one it encloses.
  std::vector<const Substitution*> inside;
  for (const Substitution& o : overrides)
    if (span.contains(o.span)) inside.push_back(&o);
  if (permanent)
    for (auto it = permanent_.lower_bound(span.begin); it != permanent_.end() && it->first < span.end; ++it)
      if (span.contains(it->second.span)) inside.push_back(&it->second);
  std::stable_sort(inside.begin(), inside.end(), [](const Substitution* a, const Substitution* b) {
    if (a->span.begin != b->span.begin) return a->span.begin < b->span.begin;
    return a->span.end > b->span.end;  // outer first
  });
  std::string out;
  unsigned pos = span.begin;
  for (const Substitution* s : inside) {
    if (s->span.begin < pos) continue;  // hidden by an enclosing substitution
    out += buffer_.slice(pos, s->span.begin).str();
    out += s->text;
    pos = s->span.end;
  }
  out += buffer_.slice(pos, span.end).str();
  return out;
}

}  // namespace bcsc::analysis
