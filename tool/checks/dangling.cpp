// 1. Dangling across a suspend point: a reference, pointer or view variable
// of an async function that is used after a suspend point although what it
// refers to died (a temporary of an earlier full-expression, a local of a
// scope that has ended) or may be changed while the task is suspended (an
// element of a container that the awaited operation takes by non-const
// reference).
//
// Flow model: bindings (initialization, assignment) and uses are ordered by
// source position; any other write to the variable (assignment, address
// taken, passed by non-const reference) ends what we know about it. Uses
// that reach a binding only around a loop back edge are not considered.
#include "checks/checks_internal.h"

#include "clang/AST/StmtCXX.h"

namespace bcsc::checks {

using clang::dyn_cast;
using clang::isa;
using llvm::dyn_cast_or_null;
using llvm::isa_and_nonnull;

namespace {

struct Binding {
  const clang::Expr* expr;       // the initializer / right-hand side (the borrow)
  const clang::Stmt* statement;  // the declaration's init or the assignment
  unsigned end;                  // where the binding is complete
  unsigned fullEnd;              // end of its full-expression
  clang::SourceLocation fullEndLoc;
};

struct VarInfo {
  std::vector<Binding> bindings;
  std::vector<std::pair<unsigned, const clang::DeclRefExpr*>> uses;
  std::vector<unsigned> kills;  // positions of writes other than tracked bindings
};

class Collector {
 public:
  Collector(Context& cx, llvm::DenseMap<const clang::VarDecl*, VarInfo>& vars) : cx_(cx), vars_(vars) {}

  void visit(const clang::Stmt* s) {
    if (!s || isa<clang::LambdaExpr>(s)) return;
    if (const auto* ret = dyn_cast<clang::CoreturnStmt>(s)) {
      visit(ret->getOperand());  // not the promise's return_value call
      return;
    }
    if (const auto* d = dyn_cast<clang::DeclStmt>(s)) {
      for (const clang::Decl* decl : d->decls())
        if (const auto* v = dyn_cast<clang::VarDecl>(decl)) declare(v);
    }
    if (const auto* b = dyn_cast<clang::BinaryOperator>(s)) {
      if (b->getOpcode() == clang::BO_Assign)
        if (const clang::VarDecl* v = tracked(b->getLHS())) {
          bind(v, b->getRHS(), b);
          skip_.insert(strip(b->getLHS()));
        }
    }
    if (const auto* op = dyn_cast<clang::CXXOperatorCallExpr>(s)) {
      if (op->getOperator() == clang::OO_Equal && op->getNumArgs() == 2)
        if (const clang::VarDecl* v = tracked(op->getArg(0))) {
          bind(v, op->getArg(1), op);
          skip_.insert(strip(op->getArg(0)));
        }
    }
    if (const auto* u = dyn_cast<clang::UnaryOperator>(s)) {
      if (u->getOpcode() == clang::UO_AddrOf || u->isIncrementDecrementOp())
        if (const clang::VarDecl* v = tracked(u->getSubExpr())) kill(v, u);
    }
    if (const auto* b = dyn_cast<clang::BinaryOperator>(s)) {
      if (b->isCompoundAssignmentOp())
        if (const clang::VarDecl* v = tracked(b->getLHS())) kill(v, b);
    }
    if (const auto* call = dyn_cast<clang::CallExpr>(s)) {
      // Passed by non-const reference, or a non-const member called: unknown write.
      const clang::FunctionDecl* fn = call->getDirectCallee();
      unsigned shift = isa<clang::CXXOperatorCallExpr>(call) && isa_and_nonnull<clang::CXXMethodDecl>(fn) ? 1 : 0;
      for (unsigned i = 0; i < call->getNumArgs(); ++i) {
        const clang::VarDecl* v = tracked(call->getArg(i));
        if (!v) continue;
        if (shift && i == 0) {
          const auto* m = llvm::cast<clang::CXXMethodDecl>(fn);
          if (!m->isConst() && m->getOverloadedOperator() != clang::OO_Equal) kill(v, call);
          continue;
        }
        if (!fn || i - shift >= fn->getNumParams()) {
          if (!fn) kill(v, call);
          continue;
        }
        clang::QualType p = fn->getParamDecl(i - shift)->getType();
        if (p->isReferenceType() && !p.getNonReferenceType().isConstQualified()) kill(v, call);
      }
      if (const auto* m = dyn_cast<clang::CXXMemberCallExpr>(call))
        if (const clang::VarDecl* v = tracked(m->getImplicitObjectArgument()))
          if (m->getMethodDecl() && !m->getMethodDecl()->isConst()) kill(v, call);
    }
    if (const auto* ref = dyn_cast<clang::DeclRefExpr>(s)) {
      if (const auto* v = dyn_cast<clang::VarDecl>(ref->getDecl()))
        if (vars_.count(v) && !skip_.count(ref)) vars_[v].uses.push_back({cx_.pos(ref->getBeginLoc()), ref});
    }
    for (const clang::Stmt* child : analysis::writtenChildren(s)) visit(child);
  }

 private:
  void declare(const clang::VarDecl* v) {
    if (!v->hasLocalStorage() || v->getType()->isDependentType()) return;
    clang::QualType t = v->getType();
    if (!t->isReferenceType() && !t->isPointerType() && !cx_.isView(t)) return;
    vars_[v];
    if (v->getInit()) {
      Binding b{v->getInit(), nullptr, cx_.pos(v->getEndLoc()), cx_.pos(v->getEndLoc()), v->getEndLoc()};
      vars_[v].bindings.push_back(b);
    }
  }
  const clang::VarDecl* tracked(const clang::Expr* e) {
    const auto* d = dyn_cast_or_null<clang::DeclRefExpr>(strip(e));
    if (!d) return nullptr;
    const auto* v = dyn_cast<clang::VarDecl>(d->getDecl());
    return v && vars_.count(v) ? v : nullptr;
  }
  void bind(const clang::VarDecl* v, const clang::Expr* rhs, const clang::Expr* assignment) {
    if (v->getType()->isReferenceType()) return;  // assigns through the reference
    const clang::Expr* full = cx_.fullExpression(assignment);
    vars_[v].bindings.push_back({rhs, assignment, cx_.pos(assignment->getEndLoc()), cx_.pos(full->getEndLoc()),
                                 full->getEndLoc()});
  }
  void kill(const clang::VarDecl* v, const clang::Expr* at) { vars_[v].kills.push_back(cx_.pos(at->getBeginLoc())); }

  Context& cx_;
  llvm::DenseMap<const clang::VarDecl*, VarInfo>& vars_;
  llvm::DenseSet<const clang::Expr*> skip_;
};

std::vector<const clang::Expr*> between(const std::vector<const clang::Expr*>& awaits, Context& cx, unsigned from,
                                        unsigned to) {
  std::vector<const clang::Expr*> out;
  for (const clang::Expr* a : awaits) {
    unsigned at = cx.pos(a->getBeginLoc());
    if (at > from && at < to) out.push_back(a);
  }
  return out;
}

bool killedBetween(const VarInfo& info, const Binding& b, unsigned to) {
  for (unsigned k : info.kills)
    if (k > b.end && k < to) return true;
  for (const Binding& other : info.bindings)
    if (other.end > b.end && other.end < to) return true;
  return false;
}

bool sameObject(const Referent& a, const Referent& b) {
  if (a.kind != b.kind) return false;
  if (a.kind == Referent::Member) return a.field == b.field;
  if (a.kind == Referent::Local || a.kind == Referent::Static || a.kind == Referent::Param) return a.var == b.var;
  return false;
}

std::string objectName(const Referent& r) {
  if (r.field) return r.field->getNameAsString();
  if (r.var) return r.var->getNameAsString();
  return "the object";
}

// A call in the awaited operand that gets non-const access to `container`
// itself (by non-const reference or pointer, or a non-const member call):
// it may insert, erase or reallocate while the task is suspended.
const clang::Expr* mutates(Context& cx, const clang::Stmt* s, const Referent& container) {
  if (!s || isa<clang::LambdaExpr>(s)) return nullptr;
  if (const auto* call = dyn_cast<clang::CallExpr>(s)) {
    const clang::FunctionDecl* fn = call->getDirectCallee();
    if (fn && !isa<clang::CXXOperatorCallExpr>(call)) {
      for (unsigned i = 0; i < call->getNumArgs() && i < fn->getNumParams(); ++i) {
        clang::QualType p = fn->getParamDecl(i)->getType();
        Referent r;
        if (p->isReferenceType() && !p.getNonReferenceType().isConstQualified())
          r = cx.lvalueReferent(call->getArg(i));
        else if (p->isPointerType() && !p->getPointeeType().isConstQualified())
          r = cx.pointerReferent(call->getArg(i));
        else
          continue;
        if (!r.element && sameObject(r, container)) return call->getArg(i);
      }
    }
    if (const auto* m = dyn_cast<clang::CXXMemberCallExpr>(call)) {
      const clang::CXXMethodDecl* method = m->getMethodDecl();
      Referent r = cx.lvalueReferent(m->getImplicitObjectArgument());
      if (method && !method->isConst() && !r.element && sameObject(r, container)) return m->getImplicitObjectArgument();
    }
  }
  for (const clang::Stmt* child : analysis::writtenChildren(s))
    if (const clang::Expr* e = mutates(cx, child, container)) return e;
  return nullptr;
}

void report(Context& cx, const clang::VarDecl* var, const Binding& b, const Referent& r,
            const std::vector<const clang::Expr*>& crossed, const clang::DeclRefExpr* use,
            const clang::Expr* mutation, const clang::Stmt* deathScope) {
  std::string name = var->getNameAsString();
  std::string what = var->getType()->isReferenceType() ? "reference" : var->getType()->isPointerType() ? "pointer" : "view";
  Finding f;
  f.category = Category::Dangling;
  f.loc = r.kind == Referent::Temporary ? r.temporary->getBeginLoc() : b.expr->getBeginLoc();
  f.range = b.expr->getSourceRange();
  if (r.kind == Referent::Temporary) {
    f.message = what + " '" + name + "' is bound to a temporary that is destroyed at the end of the full-expression, and '" +
                name + "' is used after a suspend point";
    f.notes.push_back({b.fullEndLoc, "the temporary is destroyed here", {}});
    cx.emit.suspendNotes(f, crossed);
    f.notes.push_back({use->getLocation(), "'" + name + "' is used here, after the suspend point", {}});
    f.notes.push_back({b.expr->getBeginLoc(),
                       "fix: keep the value in a named variable whose scope encloses every use of '" + name + "'", {}});
  } else if (!mutation) {
    std::string object = objectName(r);
    f.message = "'" + object + "' does not live long enough: " + what + " '" + name + "' borrows it here, and '" +
                name + "' is used after a suspend point, after '" + object + "' died";
    f.notes.push_back({deathScope->getEndLoc(), "'" + object + "' dies here, at the end of its scope", {}});
    cx.emit.suspendNotes(f, crossed);
    f.notes.push_back({use->getLocation(), "'" + name + "' is used here, after the suspend point", {}});
    f.notes.push_back({r.var->getLocation(),
                       "fix: declare '" + object + "' in a scope that encloses every use of '" + name + "'", {}});
  } else {
    std::string object = objectName(r);
    f.message = what + " '" + name + "' refers into '" + object + "', which the awaited operation may modify while the task "
                "is suspended, and '" + name + "' is used after the suspend point";
    cx.emit.suspendNotes(f, crossed);
    f.notes.push_back({mutation->getBeginLoc(), "'" + object + "' is passed here for modification", {}});
    f.notes.push_back({use->getLocation(), "'" + name + "' is used here, after the suspend point", {}});
    f.notes.push_back({b.expr->getBeginLoc(),
                       "fix: copy the element before suspending, or look it up again after the co_await", {}});
  }
  cx.emit.report(std::move(f));
}

void checkRangeFor(Context& cx, const clang::Stmt* s, const std::vector<const clang::Expr*>& awaits) {
  if (!s || isa<clang::LambdaExpr>(s)) return;
  if (const auto* loop = dyn_cast<clang::CXXForRangeStmt>(s)) {
    const clang::Expr* range = loop->getRangeInit();
    Referent container = range ? cx.lvalueReferent(range) : Referent{};
    if (container.kind != Referent::Unknown && container.kind != Referent::Temporary && !container.element &&
        !cx.isFixedSizeOwner(range->getType()) && cx.isOwner(range->getType())) {
      for (const clang::Expr* a : awaits) {
        if (!cx.within(a, loop->getBody())) continue;
        if (const clang::Expr* m = mutates(cx, analysis::awaitOperand(a), container)) {
          Finding f;
          f.category = Category::Dangling;
          f.loc = range->getBeginLoc();
          f.range = range->getSourceRange();
          f.message = "the range-for loop holds iterators into '" + objectName(container) +
                      "' across a suspend point at which the awaited operation may modify it";
          cx.emit.suspendNotes(f, {a});
          f.notes.push_back({m->getBeginLoc(), "'" + objectName(container) + "' is passed here for modification", {}});
          f.notes.push_back({loop->getBeginLoc(), "the loop's iterators are used again after the suspend point", {}});
          f.notes.push_back({range->getBeginLoc(),
                             "fix: iterate over a copy, or by index, re-checking the size after each co_await", {}});
          cx.emit.report(std::move(f));
          break;
        }
      }
    }
  }
  for (const clang::Stmt* child : analysis::writtenChildren(s)) checkRangeFor(cx, child, awaits);
}

}  // namespace

void checkDangling(Context& cx, const clang::FunctionDecl* fn, analysis::SuspendPoints& points) {
  const clang::CompoundStmt* body = analysis::userBody(fn);
  if (!body) return;
  std::vector<const clang::Expr*> awaits = ownAwaits(fn, points);
  if (awaits.empty()) return;
  llvm::DenseMap<const clang::VarDecl*, VarInfo> vars;
  Collector collector(cx, vars);
  collector.visit(body);
  checkRangeFor(cx, body, awaits);

  std::vector<const clang::VarDecl*> order;
  for (auto& [var, info] : vars) order.push_back(var);
  llvm::sort(order, [&](const clang::VarDecl* a, const clang::VarDecl* b) {
    return cx.pos(a->getLocation()) < cx.pos(b->getLocation());
  });
  for (const clang::VarDecl* var : order) {
    VarInfo& info = vars[var];
    llvm::sort(info.uses, [](const auto& a, const auto& b) { return a.first < b.first; });
    const clang::Stmt* varScope = cx.scopeOf(var);
    for (const Binding& b : info.bindings) {
      Referent r = cx.bindingReferent(b.expr, var->getType());
      if (r.kind == Referent::Unknown) continue;
      if (r.kind == Referent::Temporary) {
        for (const auto& [at, use] : info.uses) {
          if (at <= b.fullEnd) continue;
          if (killedBetween(info, b, at)) break;
          std::vector<const clang::Expr*> crossed = between(awaits, cx, b.fullEnd, at);
          if (crossed.empty()) continue;
          report(cx, var, b, r, crossed, use, nullptr, nullptr);
          break;
        }
        continue;
      }
      if (r.kind == Referent::Local && r.var != var) {
        const clang::Stmt* scope = cx.scopeOf(r.var);
        if (scope && varScope && cx.within(scope, varScope) && !isa<clang::ParmVarDecl>(r.var)) {
          unsigned death = cx.pos(scope->getEndLoc());
          bool reported = false;
          for (const auto& [at, use] : info.uses) {
            if (at <= death || at <= b.end) continue;
            if (killedBetween(info, b, at)) break;
            std::vector<const clang::Expr*> crossed = between(awaits, cx, b.end, at);
            if (crossed.empty()) continue;
            report(cx, var, b, r, crossed, use, nullptr, scope);
            reported = true;
            break;
          }
          if (reported) continue;
        }
      }
      // An element of a container the awaited operation may change.
      if (r.element && r.kind != Referent::Temporary && r.kind != Referent::Unknown) {
        clang::QualType containerType;
        if (r.var) containerType = r.var->getType();
        if (r.field) containerType = r.field->getType();
        if (containerType.isNull() || cx.isFixedSizeOwner(containerType) || !cx.isOwner(containerType)) continue;
        for (const clang::Expr* a : awaits) {
          unsigned at = cx.pos(a->getBeginLoc());
          if (at <= b.end) continue;
          const clang::Expr* m = mutates(cx, analysis::awaitOperand(a), r);
          if (!m) continue;
          unsigned after = cx.pos(a->getEndLoc());
          for (const auto& [useAt, use] : info.uses) {
            if (useAt <= after) continue;
            if (killedBetween(info, b, useAt)) break;
            report(cx, var, b, r, {a}, use, m, nullptr);
            break;
          }
          break;
        }
      }
    }
  }
}

}  // namespace bcsc::checks
