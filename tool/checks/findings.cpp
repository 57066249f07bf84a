#include "checks/findings.h"

#include "clang/AST/Expr.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace bcsc::checks {

std::vector<reports::ExportDiagnostic>& exportedDiagnostics() {
  static std::vector<reports::ExportDiagnostic> all;
  return all;
}

namespace {
std::string absolute(llvm::StringRef path) {
  llvm::SmallString<256> abs(path);
  llvm::sys::fs::make_absolute(abs);
  llvm::sys::path::remove_dots(abs, true);
  return std::string(abs);
}
}  // namespace

reports::ExportLocation Emitter::exportLocation(clang::SourceLocation loc) const {
  reports::ExportLocation out;
  const clang::SourceManager& sm = context_.getSourceManager();
  if (loc.isInvalid()) return out;
  clang::SourceLocation file = sm.getFileLoc(loc);
  clang::PresumedLoc presumed = sm.getPresumedLoc(file);
  if (presumed.isInvalid()) return out;
  out.valid = true;
  out.file = presumed.getFilename();
  if (!llvm::StringRef(out.file).starts_with("<")) out.file = absolute(out.file);
  out.line = presumed.getLine();
  out.column = presumed.getColumn();
  if (auto entry = sm.getFileEntryRefForID(sm.getFileID(file))) out.realFile = absolute(entry->getName());
  out.offset = sm.getFileOffset(file);
  return out;
}

void Emitter::suspendNotes(Finding& finding, const std::vector<const clang::Expr*>& awaits) {
  for (const clang::Expr* a : awaits) finding.notes.push_back({a->getBeginLoc(), "suspend point here", {}});
}

void Emitter::report(Finding finding) {
  Severity severity = severityOf(finding.category);
  if (severity == Severity::Off) return;
  const clang::SourceManager& sm = context_.getSourceManager();
  std::string text = finding.message + " [" + categoryName(finding.category) + "]";
  unsigned key = finding.loc.isValid() ? sm.getFileOffset(sm.getFileLoc(finding.loc)) : 0;
  if (!seen_.insert({key, text}).second) return;

  clang::DiagnosticsEngine& engine = context_.getDiagnostics();
  auto level = severity == Severity::Error ? clang::DiagnosticsEngine::Error : clang::DiagnosticsEngine::Warning;
  if (severity == Severity::Error) hadError_ = true;
  {
    clang::DiagnosticBuilder builder = engine.Report(finding.loc, engine.getCustomDiagID(level, "%0"));
    builder << text;
    if (finding.range.isValid()) builder << clang::CharSourceRange::getTokenRange(finding.range);
  }
  for (const Note& note : finding.notes) {
    clang::DiagnosticBuilder builder = engine.Report(note.loc, engine.getCustomDiagID(clang::DiagnosticsEngine::Note, "%0"));
    builder << note.message;
    for (const clang::FixItHint& fix : note.fixes) builder << fix;
  }

  reports::ExportDiagnostic out;
  out.rule = categoryName(finding.category);
  out.level = severity == Severity::Error ? "error" : "warning";
  out.message = text;
  out.location = exportLocation(finding.loc);
  out.mainFile = absolute(sm.getFileEntryRefForID(sm.getMainFileID())->getName());
  for (const Note& note : finding.notes) {
    out.notes.push_back({note.message, exportLocation(note.loc)});
    for (const clang::FixItHint& fix : note.fixes) {
      if (fix.RemoveRange.isInvalid()) continue;
      clang::CharSourceRange range = fix.RemoveRange;
      clang::SourceLocation begin = sm.getFileLoc(range.getBegin());
      clang::SourceLocation end = sm.getFileLoc(range.getEnd());
      if (range.isTokenRange()) end = clang::Lexer::getLocForEndOfToken(end, 0, sm, context_.getLangOpts());
      reports::ExportReplacement r;
      r.begin = exportLocation(begin);
      r.end = exportLocation(end);
      r.realFile = r.begin.realFile;
      r.offset = sm.getFileOffset(begin);
      r.length = sm.getFileOffset(end) - r.offset;
      r.text = fix.CodeToInsert;
      out.fixes.push_back(std::move(r));
    }
  }
  exportedDiagnostics().push_back(std::move(out));
}

}  // namespace bcsc::checks
