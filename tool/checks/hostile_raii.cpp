// 3. Hostile RAII across a suspend point (CP.52): a thread-affine lock held
// while the task is suspended blocks every other task that needs it, or is
// released on another thread. Unlike clang-tidy's matcher this walks every
// suspend point in the lock's scope after its declaration, so co_awaits in
// initializers and assignments count too.
#include "checks/checks_internal.h"

#include "clang/AST/StmtCXX.h"

namespace bcsc::checks {

using clang::dyn_cast;
using clang::isa;
using llvm::dyn_cast_or_null;
using llvm::isa_and_nonnull;

namespace {

bool refersTo(const clang::Expr* e, const clang::VarDecl* var) {
  const auto* d = dyn_cast_or_null<clang::DeclRefExpr>(strip(e));
  return d && d->getDecl() == var;
}

// Lock state changes made by one statement (a direct child of a block on
// the path to the suspend point): unlock()/release()/std::move(lock) end
// the hold, lock()/try_lock*() or assigning a new lock may start it again.
void apply(const clang::Stmt* s, const clang::VarDecl* var, bool& held) {
  if (!s) return;
  if (isa<clang::LambdaExpr>(s)) return;
  if (const auto* m = dyn_cast<clang::CXXMemberCallExpr>(s)) {
    if (refersTo(m->getImplicitObjectArgument(), var) && m->getMethodDecl()) {
      llvm::StringRef name = m->getMethodDecl()->getName();
      if (name == "unlock" || name == "release") held = false;
      if (name == "lock" || name.starts_with("try_lock")) held = true;
    }
  }
  if (const auto* call = dyn_cast<clang::CallExpr>(s)) {
    const clang::FunctionDecl* fn = call->getDirectCallee();
    if (fn && fn->isInStdNamespace() && fn->getDeclName().isIdentifier() && fn->getName() == "move" &&
        call->getNumArgs() == 1 && refersTo(call->getArg(0), var))
      held = false;
  }
  if (const auto* op = dyn_cast<clang::CXXOperatorCallExpr>(s))
    if (op->getOperator() == clang::OO_Equal && refersTo(op->getArg(0), var)) {
      for (const clang::Stmt* child : op->children()) apply(child, var, held);
      held = true;
      return;
    }
  // Only unconditional statements count: stop at anything with control flow.
  if (isa<clang::IfStmt, clang::ForStmt, clang::WhileStmt, clang::DoStmt, clang::SwitchStmt, clang::CXXForRangeStmt,
          clang::ConditionalOperator, clang::BinaryConditionalOperator>(s))
    return;
  if (const auto* b = dyn_cast<clang::BinaryOperator>(s))
    if (b->isLogicalOp()) return;
  for (const clang::Stmt* child : analysis::writtenChildren(s)) apply(child, var, held);
}

bool constructedUnlocked(const clang::VarDecl* var) {
  const auto* construct = dyn_cast_or_null<clang::CXXConstructExpr>(strip(var->getInit()));
  if (!construct) return false;
  for (const clang::Expr* arg : construct->arguments()) {
    const clang::CXXRecordDecl* r = arg->getType()->getAsCXXRecordDecl();
    if (r && r->getName() == "defer_lock_t") return true;
  }
  return false;
}

// Is the lock held when control reaches `await`? Straight-line reasoning
// over the blocks between the declaration and the suspend point: an unlock
// counts only if it dominates the suspend point.
bool heldAt(Context& cx, const clang::VarDecl* var, const clang::Stmt* scope, const clang::Expr* await) {
  std::vector<const clang::Stmt*> chain;
  const clang::Stmt* s = await;
  while (s && s != scope) {
    chain.push_back(s);
    s = cx.parent(s);
  }
  if (s != scope) return true;
  bool held = !constructedUnlocked(var);
  unsigned declared = cx.pos(var->getEndLoc());
  for (size_t i = chain.size(); i-- > 0;) {
    const clang::Stmt* node = chain[i];
    const clang::Stmt* up = i + 1 < chain.size() ? chain[i + 1] : scope;
    const auto* block = dyn_cast<clang::CompoundStmt>(up);
    if (!block) continue;
    for (const clang::Stmt* child : block->body()) {
      if (child == node) break;
      if (cx.pos(child->getBeginLoc()) <= declared) continue;
      apply(child, var, held);
    }
  }
  return held;
}

void visitDecls(const clang::Stmt* s, std::vector<const clang::VarDecl*>& out) {
  if (!s || isa<clang::LambdaExpr>(s)) return;
  if (const auto* d = dyn_cast<clang::DeclStmt>(s))
    for (const clang::Decl* decl : d->decls())
      if (const auto* v = dyn_cast<clang::VarDecl>(decl)) out.push_back(v);
  for (const clang::Stmt* child : analysis::writtenChildren(s)) visitDecls(child, out);
}

}  // namespace

void checkHostileRaii(Context& cx, const clang::FunctionDecl* fn, analysis::SuspendPoints& points) {
  const clang::CompoundStmt* body = analysis::userBody(fn);
  if (!body) return;
  std::vector<const clang::Expr*> awaits = ownAwaits(fn, points);
  std::vector<const clang::VarDecl*> vars;
  visitDecls(body, vars);
  for (const clang::VarDecl* var : vars) {
    if (!var->hasLocalStorage() || var->getType()->isReferenceType() || var->getType()->isDependentType()) continue;
    if (!cx.isHostileRaii(var->getType())) continue;
    const clang::Stmt* scope = cx.scopeOf(var);
    if (!scope) continue;
    unsigned begin = cx.pos(var->getEndLoc()), end = cx.pos(scope->getEndLoc());
    std::vector<const clang::Expr*> crossed;
    for (const clang::Expr* a : awaits) {
      unsigned at = cx.pos(a->getBeginLoc());
      if (at > begin && at < end && heldAt(cx, var, scope, a)) crossed.push_back(a);
    }
    if (crossed.empty()) continue;
    Finding f;
    f.category = Category::HostileRaii;
    f.loc = var->getLocation();
    f.message = "'" + var->getNameAsString() + "' (" + cx.typeName(var->getType().getCanonicalType()) +
                ") is held across a suspend point; the lock stays taken while the task is suspended";
    cx.emit.suspendNotes(f, crossed);
    f.notes.push_back({scope->getEndLoc(), "'" + var->getNameAsString() + "' is released here, at the end of its scope", {}});
    f.notes.push_back({crossed.front()->getBeginLoc(),
                       "fix: release it before suspending: narrow its scope to end before this co_await, or call "
                       "unlock() first (an async lock from namespace bcsc may be held across suspend points)",
                       {}});
    cx.emit.report(std::move(f));
  }
}

}  // namespace bcsc::checks
