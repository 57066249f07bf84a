#include "analysis/function_identity.h"

#include "clang/AST/Expr.h"
#include "clang/AST/RecursiveASTVisitor.h"

#include <algorithm>
#include <set>

namespace bcsc::analysis {
namespace {

const char* identifierOf(clang::PredefinedIdentKind kind) {
  switch (kind) {
    case clang::PredefinedIdentKind::Func: return "__func__";
    case clang::PredefinedIdentKind::Function: return "__FUNCTION__";
    case clang::PredefinedIdentKind::PrettyFunction: return "__PRETTY_FUNCTION__";
    default: return nullptr;  // Microsoft's __FUNCDNAME__, __FUNCSIG__, L__FUNCTION__ ...
  }
}

class UseFinder : public clang::RecursiveASTVisitor<UseFinder> {
 public:
  UseFinder(const clang::FunctionDecl* decl, ir::AsyncFunction& fn, reports::Reporter& reporter)
      : decl_(decl), fn_(fn), reporter_(reporter) {}

  bool ok = true;

  bool TraverseLambdaExpr(clang::LambdaExpr* lambda) {
    ++nested_;
    bool result = RecursiveASTVisitor::TraverseLambdaExpr(lambda);
    --nested_;
    return result;
  }
  bool TraverseCXXRecordDecl(clang::CXXRecordDecl* record) {
    ++nested_;
    bool result = RecursiveASTVisitor::TraverseCXXRecordDecl(record);
    --nested_;
    return result;
  }

  bool VisitPredefinedExpr(clang::PredefinedExpr* e) {
    const char* identifier = identifierOf(e->getIdentKind());
    if (!identifier) {
      refuse(e, "this predefined identifier is not supported in async functions; use __func__ or "
                "__PRETTY_FUNCTION__");
      return true;
    }
    if (nested_) {
      refuse(e, std::string(identifier) + " inside a lambda or local class of an async function is not "
                                          "supported (the lowering would give it the async function's name); "
                                          "pass the name in from the enclosing function");
      return true;
    }
    if (e->getIdentKind() == clang::PredefinedIdentKind::PrettyFunction && decl_->isDependentContext()) {
      refuse(e, "__PRETTY_FUNCTION__ in an async function template is not supported: its text depends on the "
                "instantiation, and bcsc lowers the template itself; use __func__, or format the template "
                "arguments yourself");
      return true;
    }
    add(identifier, clang::PredefinedExpr::ComputeName(e->getIdentKind(), decl_));
    return true;
  }

 private:
  void refuse(clang::PredefinedExpr* e, const std::string& message) {
    // A lambda's body is reachable from the lambda and from its closure
    // class: one error per use.
    if (refused_.insert(e->getLocation().getRawEncoding()).second) reporter_.error(e->getLocation(), message);
    ok = false;
  }
  void add(const char* identifier, std::string value) {
    for (const ir::PredefinedName& known : fn_.predefinedNames)
      if (known.identifier == identifier) return;
    fn_.predefinedNames.push_back({identifier, std::move(value)});
  }

  const clang::FunctionDecl* decl_;
  ir::AsyncFunction& fn_;
  reports::Reporter& reporter_;
  unsigned nested_ = 0;
  std::set<clang::SourceLocation::UIntTy> refused_;
};

}  // namespace

bool collectFunctionIdentity(const clang::FunctionDecl* decl, const clang::Stmt* body, ir::AsyncFunction& fn,
                             reports::Reporter& reporter) {
  UseFinder finder(decl, fn, reporter);
  finder.TraverseStmt(const_cast<clang::Stmt*>(body));
  // By identifier, so the output does not depend on the order of first use.
  std::sort(fn.predefinedNames.begin(), fn.predefinedNames.end(),
            [](const ir::PredefinedName& a, const ir::PredefinedName& b) { return a.identifier < b.identifier; });
  return finder.ok;
}

}  // namespace bcsc::analysis
