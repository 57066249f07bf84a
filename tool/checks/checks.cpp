// The checks stage: runs every borrow check over one translation unit and
// writes the exports at the end. See docs/diagnostics.md.
#include "checks/checks.h"

#include "checks/checks_internal.h"
#include "reports/fixes_yaml.h"
#include "reports/sarif.h"

#include "clang/Basic/SourceManager.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

namespace bcsc::checks {

std::vector<const clang::Expr*> ownAwaits(const clang::FunctionDecl* fn, analysis::SuspendPoints& points) {
  std::vector<clang::SourceRange> lambdas;
  lambdaRanges(analysis::userBody(fn), lambdas);
  std::vector<const clang::Expr*> out;
  const clang::SourceManager& sm = fn->getASTContext().getSourceManager();
  for (const clang::Expr* a : points.awaits()) {
    bool inLambda = false;
    for (const clang::SourceRange& r : lambdas)
      if (!sm.isBeforeInTranslationUnit(a->getBeginLoc(), r.getBegin()) &&
          !sm.isBeforeInTranslationUnit(r.getEnd(), a->getBeginLoc()))
        inLambda = true;
    if (!inLambda) out.push_back(a);
  }
  return out;
}

bool runChecks(clang::ASTContext& context, const std::vector<const clang::FunctionDecl*>& asyncFunctions) {
  Emitter emitter(context);
  Context cx(context, emitter);
  for (const clang::FunctionDecl* fn : asyncFunctions) {
    if (!analysis::userBody(fn)) continue;
    analysis::SuspendPoints points(fn, context);
    checkDangling(cx, fn, points);
    checkHostileRaii(cx, fn, points);
  }
  checkFutureBorrows(cx);
  return !emitter.hadError();
}

bool finishExports() {
  bool ok = true;
  const std::vector<reports::ExportDiagnostic>& all = exportedDiagnostics();
  if (diagnosticsFormat() == Format::Sarif) {
    std::vector<reports::ExportRule> rules;
    for (Category c : {Category::Dangling, Category::TemporaryArgument, Category::HostileRaii, Category::Lambda,
                       Category::Structured, Category::ThisEscape})
      rules.push_back({categoryName(c), categoryDescription(c)});
    const std::string& path = sarifOutput();
    if (path.empty() || path == "-") {
      reports::writeSarif(llvm::outs(), rules, all);
      llvm::outs().flush();
    } else {
      std::error_code ec;
      llvm::raw_fd_ostream out(path, ec, llvm::sys::fs::OF_Text);
      if (ec) {
        llvm::errs() << "bcsc: error: cannot write '" << path << "': " << ec.message() << "\n";
        ok = false;
      } else {
        reports::writeSarif(out, rules, all);
      }
    }
  }
  if (!exportFixesPath().empty()) {
    std::error_code ec;
    llvm::raw_fd_ostream out(exportFixesPath(), ec, llvm::sys::fs::OF_Text);
    if (ec) {
      llvm::errs() << "bcsc: error: cannot write '" << exportFixesPath() << "': " << ec.message() << "\n";
      ok = false;
    } else {
      reports::writeFixesYaml(out, all.empty() ? std::string() : all.front().mainFile, all);
    }
  }
  return ok;
}

}  // namespace bcsc::checks
