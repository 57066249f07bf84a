#include "checks/common.h"

#include "frontend/async_functions.h"

#include "clang/AST/Attr.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

namespace bcsc::checks {

using clang::dyn_cast;
using clang::isa;
using llvm::dyn_cast_or_null;
using llvm::isa_and_nonnull;

unsigned Context::pos(clang::SourceLocation loc) const { return sm.getFileOffset(sm.getExpansionLoc(loc)); }

bool Context::inMainFile(clang::SourceLocation loc) const {
  return loc.isValid() && sm.isInMainFile(sm.getExpansionLoc(loc));
}

namespace {
clang::DynTypedNodeList parentsOf(clang::ASTContext& ast, const clang::Stmt* s) { return ast.getParents(*s); }
}  // namespace

const clang::Stmt* Context::parent(const clang::Stmt* s) const {
  auto parents = parentsOf(ast, s);
  for (const auto& p : parents)
    if (const auto* ps = p.get<clang::Stmt>()) return ps;
  return nullptr;
}

const clang::Decl* Context::parentDecl(const clang::Stmt* s) const {
  auto parents = parentsOf(ast, s);
  if (parents.empty()) return nullptr;
  return parents[0].get<clang::Decl>();
}

const clang::Stmt* Context::scopeOf(const clang::VarDecl* var) const {
  if (const auto* param = dyn_cast<clang::ParmVarDecl>(var)) {
    if (const auto* fn = dyn_cast<clang::FunctionDecl>(param->getDeclContext())) return fn->getBody();
    return nullptr;
  }
  clang::DynTypedNodeList parents = ast.getParents(*var);
  while (!parents.empty()) {
    const clang::DynTypedNode node = parents[0];
    if (const auto* s = node.get<clang::Stmt>()) {
      if (isa<clang::CompoundStmt, clang::IfStmt, clang::ForStmt, clang::WhileStmt, clang::SwitchStmt,
              clang::CXXForRangeStmt, clang::CXXCatchStmt>(s))
        return s;
    }
    if (node.get<clang::FunctionDecl>()) return nullptr;
    parents = ast.getParents(node);
  }
  return nullptr;
}

const clang::Expr* Context::fullExpression(const clang::Expr* e) const {
  const clang::Expr* cur = e;
  for (;;) {
    const clang::Stmt* p = parent(cur);
    const auto* pe = p ? dyn_cast<clang::Expr>(p) : nullptr;
    if (!pe) return cur;
    cur = pe;
  }
}

bool Context::within(clang::SourceLocation loc, const clang::Stmt* outer) const {
  if (!outer) return false;
  unsigned at = pos(loc);
  return pos(outer->getBeginLoc()) <= at && at <= pos(outer->getEndLoc());
}

bool Context::within(const clang::Stmt* inner, const clang::Stmt* outer) const {
  if (!inner || !outer || inner == outer) return false;
  return pos(outer->getBeginLoc()) <= pos(inner->getBeginLoc()) && pos(inner->getEndLoc()) <= pos(outer->getEndLoc());
}

namespace {

const clang::CXXRecordDecl* recordOf(clang::QualType t) {
  t = t.getNonReferenceType().getCanonicalType();
  return t->getAsCXXRecordDecl();
}

const clang::CXXRecordDecl* patternOf(const clang::CXXRecordDecl* r) {
  if (const auto* spec = dyn_cast<clang::ClassTemplateSpecializationDecl>(r))
    return spec->getSpecializedTemplate()->getTemplatedDecl();
  return r;
}

std::string qualifiedName(const clang::CXXRecordDecl* r) {
  std::string name = patternOf(r)->getQualifiedNameAsString();
  for (const char* inl : {"__cxx11::", "__1::", "__debug::"}) {
    size_t at;
    while ((at = name.find(inl)) != std::string::npos) name.erase(at, strlen(inl));
  }
  return name;
}

template <class A>
bool hasAttrOnPattern(const clang::CXXRecordDecl* r) {
  return r->hasAttr<A>() || patternOf(r)->hasAttr<A>();
}

bool listed(const std::string& name, const std::vector<std::string>& list) {
  for (const std::string& entry : list) {
    llvm::StringRef e = llvm::StringRef(entry).trim();
    if (e.consume_front("::")) {}
    if (!e.empty() && name == e) return true;
  }
  return false;
}

}  // namespace

bool inBcscNamespace(const clang::Decl* d) {
  for (const clang::DeclContext* dc = d->getDeclContext(); dc; dc = dc->getParent())
    if (const auto* ns = dyn_cast<clang::NamespaceDecl>(dc))
      if (ns->getName() == "bcsc") return true;
  return false;
}

bool isBcscFunction(const clang::FunctionDecl* fn, llvm::StringRef name) {
  return fn && fn->getDeclName().isIdentifier() && fn->getName() == name && inBcscNamespace(fn);
}

bool Context::isView(clang::QualType t) const {
  const clang::CXXRecordDecl* r = recordOf(t);
  if (!r) return false;
  std::string name = qualifiedName(r);
  if (listed(name, userViewTypes())) return true;
  if (isOwner(t)) return false;
  if (hasAttrOnPattern<clang::PointerAttr>(r)) return true;
  if (name == "std::basic_string_view" || name == "std::span") return true;
  llvm::StringRef n(name);
  if ((n.starts_with("std::") || n.starts_with("__gnu_cxx::")) && n.lower().find("iterator") != std::string::npos)
    return true;
  return false;
}

bool Context::isOwner(clang::QualType t) const {
  const clang::CXXRecordDecl* r = recordOf(t);
  if (!r) return false;
  if (hasAttrOnPattern<clang::OwnerAttr>(r)) return true;
  static const char* owners[] = {"std::basic_string", "std::vector", "std::deque", "std::list", "std::forward_list",
                                 "std::map", "std::multimap", "std::set", "std::multiset", "std::unordered_map",
                                 "std::unordered_set", "std::unordered_multimap", "std::unordered_multiset",
                                 "std::array", "std::optional", "std::unique_ptr"};
  std::string name = qualifiedName(r);
  for (const char* o : owners)
    if (name == o) return true;
  return false;
}

bool Context::isFixedSizeOwner(clang::QualType t) const {
  t = t.getNonReferenceType().getCanonicalType();
  if (t->isArrayType()) return true;
  const clang::CXXRecordDecl* r = recordOf(t);
  return r && qualifiedName(r) == "std::array";
}

bool Context::isHostileRaii(clang::QualType t) const {
  t = t.getCanonicalType();
  while (const clang::ArrayType* a = ast.getAsArrayType(t)) t = a->getElementType().getCanonicalType();
  const clang::CXXRecordDecl* r = t->getAsCXXRecordDecl();
  if (!r || inBcscNamespace(r)) return false;
  std::string name = qualifiedName(r);
  if (name == "std::lock_guard" || name == "std::unique_lock" || name == "std::scoped_lock" ||
      name == "std::shared_lock")
    return true;
  return listed(name, userHostileTypes());
}

const clang::Expr* strip(const clang::Expr* e) {
  for (;;) {
    if (!e) return nullptr;
    if (const auto* p = dyn_cast<clang::ParenExpr>(e)) {
      e = p->getSubExpr();
    } else if (const auto* f = dyn_cast<clang::FullExpr>(e)) {
      e = f->getSubExpr();
    } else if (const auto* b = dyn_cast<clang::CXXBindTemporaryExpr>(e)) {
      e = b->getSubExpr();
    } else if (const auto* c = dyn_cast<clang::ImplicitCastExpr>(e)) {
      switch (c->getCastKind()) {
        case clang::CK_NoOp:
        case clang::CK_DerivedToBase:
        case clang::CK_UncheckedDerivedToBase:
        case clang::CK_ConstructorConversion:
        case clang::CK_UserDefinedConversion:
        case clang::CK_BitCast:
          e = c->getSubExpr();
          break;
        default:
          return e;
      }
    } else {
      return e;
    }
  }
}

namespace {

// The object a member call is made on (through `.` or `->`).
const clang::Expr* objectOf(const clang::Expr* call, bool& arrow) {
  arrow = false;
  if (const auto* m = dyn_cast<clang::CXXMemberCallExpr>(call)) {
    if (const auto* me = dyn_cast<clang::MemberExpr>(m->getCallee()->IgnoreParens())) arrow = me->isArrow();
    return m->getImplicitObjectArgument();
  }
  if (const auto* op = dyn_cast<clang::CXXOperatorCallExpr>(call))
    if (isa_and_nonnull<clang::CXXMethodDecl>(op->getDirectCallee()) && op->getNumArgs() > 0) return op->getArg(0);
  return nullptr;
}

bool returnsInto(const clang::Stmt* s, int& returns) {
  if (!s || isa<clang::LambdaExpr>(s)) return true;
  if (const auto* ret = dyn_cast<clang::ReturnStmt>(s)) {
    ++returns;
    const clang::Expr* e = ret->getRetValue();
    for (;;) {
      e = strip(e);
      if (const auto* m = dyn_cast_or_null<clang::MemberExpr>(e)) {
        if (m->isArrow()) return isa<clang::CXXThisExpr>(m->getBase()->IgnoreParenImpCasts());
        e = m->getBase();
        continue;
      }
      if (const auto* u = dyn_cast_or_null<clang::UnaryOperator>(e))
        return u->getOpcode() == clang::UO_Deref && isa<clang::CXXThisExpr>(u->getSubExpr()->IgnoreParenImpCasts());
      return false;
    }
  }
  for (const clang::Stmt* child : analysis::writtenChildren(s))
    if (!returnsInto(child, returns)) return false;
  return true;
}

bool returnsIntoThis(const clang::CXXMethodDecl* method) {
  if (!method || !method->isInstance() || !method->getReturnType()->isReferenceType()) return false;
  const clang::FunctionDecl* def = method->getDefinition();
  if (!def || !def->getBody()) return false;
  int returns = 0;
  return returnsInto(def->getBody(), returns) && returns > 0;
}

}  // namespace

Referent Context::lvalueReferent(const clang::Expr* e) const {
  Referent r;
  e = strip(e);
  if (!e) return r;
  if (const auto* m = dyn_cast<clang::MaterializeTemporaryExpr>(e)) {
    if (m->getExtendingDecl()) return r;  // lifetime-extended: lives as long as the declaration
    r.kind = Referent::Temporary;
    r.temporary = m;
    return r;
  }
  if (e->isPRValue() && e->getType()->isRecordType()) {
    r.kind = Referent::Temporary;
    r.temporary = e;
    return r;
  }
  if (const auto* d = dyn_cast<clang::DeclRefExpr>(e)) {
    const auto* v = dyn_cast<clang::VarDecl>(d->getDecl());
    if (!v || d->refersToEnclosingVariableOrCapture()) return r;
    r.var = v;
    if (v->getType()->isReferenceType()) {
      if (isa<clang::ParmVarDecl>(v)) r.kind = Referent::Param;
      else r.var = nullptr;
      return r;
    }
    r.kind = v->hasLocalStorage() ? Referent::Local : Referent::Static;
    return r;
  }
  if (const auto* m = dyn_cast<clang::MemberExpr>(e)) {
    if (!m->isArrow()) return lvalueReferent(m->getBase());
    if (isa<clang::CXXThisExpr>(m->getBase()->IgnoreParenImpCasts()))
      if (const auto* f = dyn_cast<clang::FieldDecl>(m->getMemberDecl())) {
        r.kind = Referent::Member;
        r.field = f;
      }
    return r;
  }
  if (const auto* a = dyn_cast<clang::ArraySubscriptExpr>(e)) {
    if (const auto* decay = dyn_cast<clang::ImplicitCastExpr>(a->getBase()->IgnoreParens()))
      if (decay->getCastKind() == clang::CK_ArrayToPointerDecay) {
        r = lvalueReferent(decay->getSubExpr());
        r.element = true;
      }
    return r;
  }
  if (const auto* u = dyn_cast<clang::UnaryOperator>(e)) {
    if (u->getOpcode() == clang::UO_Deref) return pointerReferent(u->getSubExpr());
    return r;
  }
  if (isa<clang::CXXMemberCallExpr>(e) || isa<clang::CXXOperatorCallExpr>(e)) {
    bool arrow = false;
    const clang::Expr* object = objectOf(e, arrow);
    if (!object || arrow || !e->isGLValue()) return r;
    if (isOwner(object->getType())) {
      r = lvalueReferent(object);
      r.element = true;
    } else if (isView(object->getType())) {
      r = viewReferent(object);
    } else if (const auto* m = dyn_cast<clang::CXXMemberCallExpr>(e)) {
      // A getter whose every return is a member of *this (or *this).
      if (returnsIntoThis(m->getMethodDecl())) {
        r = lvalueReferent(object);
        r.element = true;
      }
    }
    return r;
  }
  return r;
}

Referent Context::pointerReferent(const clang::Expr* e) const {
  Referent r;
  e = strip(e);
  if (!e) return r;
  if (const auto* u = dyn_cast<clang::UnaryOperator>(e)) {
    if (u->getOpcode() == clang::UO_AddrOf) return lvalueReferent(u->getSubExpr());
    return r;
  }
  if (const auto* c = dyn_cast<clang::ImplicitCastExpr>(e)) {
    if (c->getCastKind() == clang::CK_ArrayToPointerDecay) {
      r = lvalueReferent(c->getSubExpr());
      r.element = true;
    }
    return r;
  }
  if (isa<clang::CXXMemberCallExpr>(e)) {
    bool arrow = false;
    const clang::Expr* object = objectOf(e, arrow);
    if (object && !arrow && isOwner(object->getType())) {
      r = lvalueReferent(object);
      r.element = true;
    }
  }
  return r;
}

Referent Context::viewReferent(const clang::Expr* e) const {
  Referent r;
  e = strip(e);
  if (!e) return r;
  if (const auto* m = dyn_cast<clang::MaterializeTemporaryExpr>(e)) return viewReferent(m->getSubExpr());
  if (const auto* f = dyn_cast<clang::CXXFunctionalCastExpr>(e)) return viewReferent(f->getSubExpr());
  if (const auto* f = dyn_cast<clang::CXXStaticCastExpr>(e)) return viewReferent(f->getSubExpr());
  if (const auto* c = dyn_cast<clang::CXXConstructExpr>(e)) {
    if (c->getNumArgs() == 0) return r;
    const clang::Expr* arg = c->getArg(0);
    clang::QualType t = arg->getType();
    if (isView(t)) return viewReferent(arg);
    if (isOwner(t) || t->isArrayType()) {
      r = lvalueReferent(arg);
      r.element = true;
      return r;
    }
    if (t->isPointerType()) return pointerReferent(arg);
    return r;
  }
  if (isa<clang::CXXMemberCallExpr>(e)) {
    bool arrow = false;
    const clang::Expr* object = objectOf(e, arrow);
    if (!object || arrow) return r;
    if (isOwner(object->getType())) {
      r = lvalueReferent(object);
      r.element = true;
    } else if (isView(object->getType()) && isView(e->getType())) {
      r = viewReferent(object);
    }
  }
  return r;
}

Referent Context::bindingReferent(const clang::Expr* init, clang::QualType target) const {
  if (!init) return {};
  if (target->isReferenceType()) {
    const clang::Expr* e = strip(init);
    if (const auto* m = dyn_cast_or_null<clang::MaterializeTemporaryExpr>(e))
      if (m->getExtendingDecl()) return {};
    return lvalueReferent(init);
  }
  if (target->isPointerType()) return pointerReferent(init);
  if (isView(target)) return viewReferent(init);
  return {};
}

Fate Context::fateOf(const clang::Expr* e) const {
  Fate fate;
  const clang::Expr* cur = e;
  for (int depth = 0; depth < 64; ++depth) {
    auto parents = parentsOf(ast, cur);
    if (parents.empty()) return fate;
    const clang::Stmt* p = nullptr;
    for (const auto& node : parents)
      if (const auto* s = node.get<clang::Stmt>()) {
        if (!p || analysis::isAwait(s)) p = s;
      }
    if (!p) {
      if (const auto* var = parents[0].get<clang::VarDecl>()) {
        fate.kind = FateKind::Stored;
        fate.var = var;
        fate.site = cur;
      }
      return fate;
    }
    if (analysis::isAwait(p)) {
      fate.kind = FateKind::Consumed;
      fate.site = p;
      return fate;
    }
    if (isa<clang::ReturnStmt>(p)) {
      fate.kind = FateKind::Returned;
      fate.site = p;
      return fate;
    }
    if (isa<clang::ParenExpr, clang::ImplicitCastExpr, clang::MaterializeTemporaryExpr, clang::CXXBindTemporaryExpr,
            clang::FullExpr, clang::CXXFunctionalCastExpr>(p)) {
      cur = llvm::cast<clang::Expr>(p);
      continue;
    }
    if (const auto* c = dyn_cast<clang::CXXConstructExpr>(p)) {
      if (c->getConstructor()->isCopyOrMoveConstructor()) {
        cur = c;
        continue;
      }
      return fate;
    }
    if (const auto* b = dyn_cast<clang::BinaryOperator>(p)) {
      if (b->isAssignmentOp() && strip(b->getRHS()) == strip(cur)) {
        fate.kind = FateKind::Assigned;
        fate.site = b;
        if (const auto* d = dyn_cast<clang::DeclRefExpr>(strip(b->getLHS()))) fate.var = dyn_cast<clang::VarDecl>(d->getDecl());
      }
      return fate;
    }
    if (const auto* op = dyn_cast<clang::CXXOperatorCallExpr>(p)) {
      if (op->getOperator() == clang::OO_Equal && op->getNumArgs() == 2 && op->getArg(1) == cur) {
        fate.kind = FateKind::Assigned;
        fate.site = op;
        if (const auto* d = dyn_cast<clang::DeclRefExpr>(strip(op->getArg(0)))) fate.var = dyn_cast<clang::VarDecl>(d->getDecl());
      }
      return fate;
    }
    if (const auto* call = dyn_cast<clang::CallExpr>(p)) {
      const clang::FunctionDecl* fn = call->getDirectCallee();
      if (isBcscFunction(fn, "join") || isBcscFunction(fn, "race")) {
        cur = call;
        continue;
      }
      if (isBcscFunction(fn, "block_on")) {
        fate.kind = FateKind::Consumed;
        fate.site = call;
        return fate;
      }
      if (const auto* m = dyn_cast<clang::CXXMemberCallExpr>(call)) {
        const clang::CXXMethodDecl* method = m->getMethodDecl();
        if (method && method->getDeclName().isIdentifier() && method->getName() == "spawn") {
          fate.kind = FateKind::Spawned;
          fate.site = m;
          fate.executor = m->getImplicitObjectArgument();
        }
      }
      return fate;
    }
    return fate;
  }
  return fate;
}

std::string Context::describe(const clang::Expr* e) const {
  clang::CharSourceRange range = clang::CharSourceRange::getTokenRange(e->getSourceRange());
  std::string text = clang::Lexer::getSourceText(range, sm, ast.getLangOpts()).str();
  for (char& c : text)
    if (c == '\n' || c == '\t') c = ' ';
  if (text.size() > 48) text = text.substr(0, 45) + "...";
  return text;
}

std::string Context::typeName(clang::QualType t) const {
  clang::PrintingPolicy policy(ast.getLangOpts());
  policy.SuppressTagKeyword = true;
  policy.FullyQualifiedName = true;
  return t.getAsString(policy);
}

bool isAsyncCallee(const clang::FunctionDecl* fn) {
  if (!fn) return false;
  if (frontend::isAsync(fn)) return true;
  const clang::CXXRecordDecl* ret = fn->getReturnType()->getAsCXXRecordDecl();
  if (!ret || ret->getName() != "task" || !inBcscNamespace(ret)) return false;
  const clang::FunctionDecl* def = fn->getDefinition();
  if (!def) {
    if (const clang::FunctionDecl* pattern = fn->getTemplateInstantiationPattern()) def = pattern;
  }
  return def && isa_and_nonnull<clang::CoroutineBodyStmt>(def->getBody());
}

bool usesThis(const clang::Stmt* s) {
  if (!s) return false;
  if (isa<clang::CXXThisExpr>(s)) return true;
  for (const clang::Stmt* child : analysis::writtenChildren(s))
    if (usesThis(child)) return true;
  return false;
}

void lambdaRanges(const clang::Stmt* s, std::vector<clang::SourceRange>& out) {
  if (!s) return;
  if (const auto* l = dyn_cast<clang::LambdaExpr>(s)) {
    out.push_back(l->getSourceRange());
    return;
  }
  for (const clang::Stmt* child : analysis::writtenChildren(s)) lambdaRanges(child, out);
}

}  // namespace bcsc::checks
