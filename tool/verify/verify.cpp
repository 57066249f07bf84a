#include "verify/verify.h"

#include "frontend/async_functions.h"

#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/TypeLoc.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Frontend/TextDiagnosticBuffer.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <functional>

namespace bcsc::verify {
namespace {

using clang::dyn_cast;
using clang::isa;

std::string absolute(llvm::StringRef path) {
  llvm::SmallString<256> abs(path);
  llvm::sys::fs::make_absolute(abs);
  llvm::sys::path::remove_dots(abs, true);
  return std::string(abs);
}

bool isFrameRecord(const clang::DeclContext* dc) {
  const auto* record = llvm::dyn_cast_or_null<clang::CXXRecordDecl>(dc);
  return record && record->getIdentifier() && record->getName().starts_with("bcsc_frame_");
}

// In the source, an async function carries [[bcsc::async]] (on any of its
// declarations); in the lowered code it returns its frame.
bool isAsyncFunction(const clang::FunctionDecl* fn) {
  for (const clang::FunctionDecl* redecl : fn->redecls())
    if (frontend::isAsync(redecl)) return true;
  if (const clang::FunctionDecl* pattern = fn->getTemplateInstantiationPattern(); pattern && pattern != fn)
    if (isAsyncFunction(pattern)) return true;
  return fn->getReturnType().getAsString().find("bcsc_frame_") != std::string::npos;
}

// What identifies a declaration in both translation units.
std::string declKey(const clang::NamedDecl* decl, const clang::SourceManager& sm) {
  std::string name = decl->getNameAsString();
  // The frame stores the parameters as members of the same name.
  if (isa<clang::ParmVarDecl>(decl) || (isa<clang::FieldDecl>(decl) && isFrameRecord(decl->getDeclContext())))
    return "parameter '" + name + "'";
  if (isa<clang::TemplateTypeParmDecl, clang::NonTypeTemplateParmDecl, clang::TemplateTemplateParmDecl>(decl))
    return "template parameter '" + name + "'";
  if (isFrameRecord(decl->getDeclContext())) return "the frame's own member '" + name + "'";
  if (const auto* fn = dyn_cast<clang::FunctionDecl>(decl); fn && isAsyncFunction(fn))
    return "async function '" + fn->getQualifiedNameAsString() + "'";
  clang::PresumedLoc at = sm.getPresumedLoc(sm.getExpansionLoc(decl->getCanonicalDecl()->getLocation()));
  if (at.isInvalid()) return "'" + name + "' (built in)";
  return "'" + name + "' declared at " + absolute(at.getFilename()) + ":" + std::to_string(at.getLine());
}

const clang::NamedDecl* declOfType(const clang::Type* type) {
  if (const auto* t = dyn_cast<clang::TypedefType>(type)) return t->getDecl();
  if (const auto* t = dyn_cast<clang::TagType>(type)) return t->getDecl();
  if (const auto* t = dyn_cast<clang::TemplateSpecializationType>(type))
    return t->getTemplateName().getAsTemplateDecl();
  return nullptr;
}

// Calls `onUse` for every name written unqualified: a variable, function
// or enumerator, an implicit member access, and a type.
class UseFinder : public clang::RecursiveASTVisitor<UseFinder> {
 public:
  using OnUse = std::function<void(const clang::NamedDecl*, clang::SourceLocation)>;
  explicit UseFinder(OnUse onUse) : onUse_(std::move(onUse)) {}

  bool VisitDeclRefExpr(clang::DeclRefExpr* e) {
    if (!e->hasQualifier()) use(e->getDecl(), e->getLocation());
    return true;
  }
  bool VisitMemberExpr(clang::MemberExpr* e) {
    if (const auto* self = dyn_cast<clang::CXXThisExpr>(e->getBase()->IgnoreImpCasts()); self && self->isImplicit())
      if (!e->hasQualifier()) use(e->getMemberDecl(), e->getMemberLoc());
    return true;
  }
  bool VisitElaboratedTypeLoc(clang::ElaboratedTypeLoc type) {
    if (type.getQualifierLoc()) return true;
    if (const clang::NamedDecl* decl = declOfType(type.getNamedTypeLoc().getTypePtr()))
      use(decl, type.getNamedTypeLoc().getBeginLoc());
    return true;
  }

 private:
  void use(const clang::NamedDecl* decl, clang::SourceLocation at) {
    if (!decl || decl->isImplicit() || !decl->getIdentifier() || at.isInvalid()) return;
    onUse_(decl, at);
  }
  OnUse onUse_;
};

}  // namespace

void collectNameUses(const clang::ASTContext& context, const std::vector<const clang::FunctionDecl*>& functions,
                     NameUses& uses) {
  const clang::SourceManager& sm = context.getSourceManager();
  uses.file = absolute(sm.getFileEntryRefForID(sm.getMainFileID())->getName());
  for (const clang::FunctionDecl* fn : functions) {
    const clang::Stmt* body = fn->getBody();
    if (!body) continue;
    uses.lines.push_back({sm.getPresumedLineNumber(sm.getExpansionLoc(fn->getBeginLoc())),
                          sm.getPresumedLineNumber(sm.getExpansionLoc(fn->getEndLoc()))});
    UseFinder finder([&](const clang::NamedDecl* decl, clang::SourceLocation at) {
      clang::PresumedLoc where = sm.getPresumedLoc(sm.getExpansionLoc(at));
      if (where.isInvalid()) return;
      uses.uses[{where.getLine(), decl->getNameAsString()}].insert(declKey(decl, sm));
    });
    finder.TraverseStmt(const_cast<clang::Stmt*>(body));
  }
}

std::vector<Problem> verifyLowered(const std::string& lowered, const std::string& fileName,
                                   const std::vector<std::string>& args, const NameUses& uses,
                                   const std::vector<std::pair<std::string, std::string>>& mappedFiles) {
  std::vector<Problem> problems;
  clang::TextDiagnosticBuffer diagnostics;
  clang::tooling::FileContentMappings mapped(mappedFiles.begin(), mappedFiles.end());
  std::unique_ptr<clang::ASTUnit> unit = clang::tooling::buildASTFromCodeWithArgs(
      lowered, args, fileName, "bcsc", std::make_shared<clang::PCHContainerOperations>(),
      clang::tooling::getClangStripDependencyFileAdjuster(), mapped, &diagnostics);
  if (!unit) return {{0, "it could not be parsed", true}};
  const clang::SourceManager& sm = unit->getSourceManager();
  auto sourceLine = [&](clang::SourceLocation at) -> unsigned {
    clang::PresumedLoc where = sm.getPresumedLoc(sm.getExpansionLoc(at));
    return where.isValid() && absolute(where.getFilename()) == uses.file ? where.getLine() : 0;
  };
  for (auto it = diagnostics.err_begin(); it != diagnostics.err_end(); ++it)
    problems.push_back({sourceLine(it->first), it->second, true});

  auto inFunction = [&](unsigned line) {
    for (const auto& [first, last] : uses.lines)
      if (first <= line && line <= last) return true;
    return false;
  };
  UseFinder finder([&](const clang::NamedDecl* decl, clang::SourceLocation at) {
    unsigned line = sourceLine(at);
    if (!line || !inFunction(line)) return;
    auto source = uses.uses.find({line, decl->getNameAsString()});
    if (source == uses.uses.end()) return;  // generated code
    std::string key = declKey(decl, sm);
    if (source->second.count(key)) return;
    std::string meant;
    for (const std::string& k : source->second) meant += (meant.empty() ? "" : " or ") + k;
    problems.push_back({line, "'" + decl->getNameAsString() + "' means " + key + " in the lowered code, but " +
                                  meant + " in the source"});
  });
  finder.TraverseDecl(unit->getASTContext().getTranslationUnitDecl());
  // One report per line and message (a name used twice on a line).
  std::vector<Problem> unique;
  for (const Problem& p : problems)
    if (std::none_of(unique.begin(), unique.end(),
                     [&](const Problem& u) { return u.line == p.line && u.message == p.message; }))
      unique.push_back(p);
  return unique;
}

}  // namespace bcsc::verify
