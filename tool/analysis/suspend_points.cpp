#include "analysis/suspend_points.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"

#include <functional>

namespace bcsc::analysis {

using clang::dyn_cast;
using clang::isa;

bool isAwait(const clang::Stmt* s) { return isa<clang::CoawaitExpr>(s) || isa<clang::DependentCoawaitExpr>(s); }

const clang::Expr* awaitOperand(const clang::Expr* e) {
  if (const auto* a = dyn_cast<clang::CoawaitExpr>(e)) return a->getOperand();
  return llvm::cast<clang::DependentCoawaitExpr>(e)->getOperand();
}

const clang::CompoundStmt* userBody(const clang::FunctionDecl* fn) {
  const clang::Stmt* body = fn->getBody();
  if (const auto* coro = llvm::dyn_cast_or_null<clang::CoroutineBodyStmt>(body)) body = coro->getBody();
  return llvm::dyn_cast_or_null<clang::CompoundStmt>(body);
}

std::vector<const clang::Stmt*> writtenChildren(const clang::Stmt* s) {
  std::vector<const clang::Stmt*> out;
  // An opaque value stands for an expression the user wrote (an array
  // copied by a structured binding, a ?: operand): that is its child.
  if (const auto* opaque = dyn_cast<clang::OpaqueValueExpr>(s)) {
    if (opaque->getSourceExpr()) out.push_back(opaque->getSourceExpr());
    return out;
  }
  if (isAwait(s)) {
    out.push_back(awaitOperand(llvm::cast<clang::Expr>(s)));
    return out;
  }
  // co_return E: the promise call p.return_value(E) holds E again.
  if (const auto* ret = dyn_cast<clang::CoreturnStmt>(s)) {
    if (ret->getOperand()) out.push_back(ret->getOperand());
    return out;
  }
  for (const clang::Stmt* child : s->children())
    if (child) out.push_back(child);
  return out;
}

SuspendPoints::SuspendPoints(const clang::FunctionDecl* fn, clang::ASTContext& context)
    : sm_(context.getSourceManager()) {
  if (const clang::CompoundStmt* body = userBody(fn)) {
    collect(body);
    classify(body);
  }
}

void SuspendPoints::collect(const clang::Stmt* s) {
  if (isAwait(s)) awaits_.push_back(llvm::cast<clang::Expr>(s));
  for (const clang::Stmt* child : writtenChildren(s)) collect(child);
}

bool SuspendPoints::containsAwait(const clang::Stmt* s) {
  if (!s) return false;
  auto it = containsAwait_.find(s);
  if (it != containsAwait_.end()) return it->second;
  bool result = isAwait(s);
  for (const clang::Stmt* child : writtenChildren(s))
    if (!result && containsAwait(child)) result = true;
  containsAwait_[s] = result;
  return result;
}

unsigned SuspendPoints::offset(clang::SourceLocation loc) const {
  return sm_.getFileOffset(sm_.getExpansionLoc(loc));
}

std::vector<const clang::Expr*> SuspendPoints::awaitsBetween(clang::SourceLocation from,
                                                             clang::SourceLocation to) const {
  unsigned begin = offset(from);
  unsigned end = sm_.getFileOffset(sm_.getExpansionRange(to).getEnd());
  std::vector<const clang::Expr*> out;
  for (const clang::Expr* a : awaits_) {
    unsigned at = offset(a->getBeginLoc());
    if (at > begin && at < end) out.push_back(a);
  }
  return out;
}

void SuspendPoints::classify(const clang::CompoundStmt* body) {
  std::function<void(const clang::Stmt*, clang::SourceLocation)> visit = [&](const clang::Stmt* s,
                                                                               clang::SourceLocation scopeEnd) {
    if (isa<clang::LambdaExpr>(s)) return;
    if (const auto* compound = dyn_cast<clang::CompoundStmt>(s)) scopeEnd = compound->getRBracLoc();
    // Variables declared in a statement's header are scoped to the statement.
    if (isa<clang::IfStmt>(s) || isa<clang::ForStmt>(s) || isa<clang::WhileStmt>(s) || isa<clang::SwitchStmt>(s) ||
        isa<clang::CXXForRangeStmt>(s))
      scopeEnd = s->getEndLoc();
    if (const auto* decls = dyn_cast<clang::DeclStmt>(s)) {
      for (const clang::Decl* d : decls->decls())
        if (const auto* var = dyn_cast<clang::VarDecl>(d))
          if (var->hasLocalStorage() && !awaitsBetween(var->getEndLoc(), scopeEnd).empty()) frameVars_.insert(var);
    }
    if (const auto* range = dyn_cast<clang::CXXForRangeStmt>(s))
      if (containsAwait(range->getBody())) frameVars_.insert(range->getLoopVariable());
    for (const clang::Stmt* child : writtenChildren(s)) visit(child, scopeEnd);
  };
  visit(body, body->getRBracLoc());
}

}  // namespace bcsc::analysis
