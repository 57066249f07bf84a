#include "analysis/type_spelling.h"

#include "analysis/hygiene.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/QualTypeNames.h"
#include "clang/AST/RecursiveASTVisitor.h"

namespace bcsc::analysis {

namespace {

bool isTaskDecl(const clang::NamedDecl* decl) {
  if (!decl || decl->getName() != "task") return false;
  const auto* ns = llvm::dyn_cast<clang::NamespaceDecl>(decl->getDeclContext()->getRedeclContext());
  return ns && ns->getName() == "bcsc";
}

// Walks a type looking for bcsc::task and for types with no name outside
// the function.
class TypeScan : public clang::RecursiveASTVisitor<TypeScan> {
 public:
  bool VisitTemplateSpecializationType(clang::TemplateSpecializationType* t) {
    if (isTaskDecl(t->getTemplateName().getAsTemplateDecl())) mentionsTask = true;
    return true;
  }
  bool VisitRecordType(clang::RecordType* t) {
    const clang::RecordDecl* decl = t->getDecl();
    if (const auto* spec = llvm::dyn_cast<clang::ClassTemplateSpecializationDecl>(decl))
      if (isTaskDecl(spec->getSpecializedTemplate())) mentionsTask = true;
    if (const auto* cxx = llvm::dyn_cast<clang::CXXRecordDecl>(decl); cxx && cxx->isLambda())
      unnameable = "a lambda's closure type has no name";
    else if (decl->getDeclContext()->isFunctionOrMethod())
      unnameable = "a class declared inside the function has no name outside it";
    else if (!decl->getIdentifier() && !decl->getTypedefNameForAnonDecl())
      unnameable = "an unnamed class has no name";
    return true;
  }
  bool VisitSubstTemplateTypeParmType(clang::SubstTemplateTypeParmType*) {
    substituted = true;
    return true;
  }
  bool VisitTypedefType(clang::TypedefType* t) {
    // A member typedef of some class (an awaiter's `T`) may not be nameable
    // where the frame is: use what it stands for.
    if (llvm::isa<clang::CXXRecordDecl>(t->getDecl()->getDeclContext())) substituted = true;
    return true;
  }
  bool VisitDecltypeType(clang::DecltypeType*) {
    // decltype(x) names a local or a parameter, which the frame's types
    // cannot see: print the type it stands for.
    substituted = true;
    return true;
  }
  bool VisitSubstTemplateTypeParmPackType(clang::SubstTemplateTypeParmPackType*) {
    substituted = true;
    return true;
  }
  bool VisitTemplateTypeParmType(clang::TemplateTypeParmType* t) {
    // A parameter of a template other than the one being lowered (e.g. the
    // pattern of a standard class template) has no name in the frame.
    if (!t->isDependentType()) substituted = true;
    return true;
  }
  bool VisitAutoType(clang::AutoType* t) {
    anyAuto = true;
    if (!t->isDeduced() || t->isDependentType()) undeduced = true;
    return true;
  }
  bool mentionsTask = false;
  bool undeduced = false;
  bool substituted = false;  // sugar naming another template's parameter
  bool anyAuto = false;
  const char* unnameable = nullptr;
};

TypeScan scan(clang::QualType type) {
  TypeScan s;
  s.TraverseType(type);
  return s;
}

}  // namespace

TypeSpeller::TypeSpeller(clang::ASTContext& context) : context_(context), policy_(context.getPrintingPolicy()) {
  policy_.SuppressUnwrittenScope = true;
  policy_.Bool = true;
}

bool TypeSpeller::mentionsTask(clang::QualType type) const { return scan(type).mentionsTask; }

bool TypeSpeller::containsAuto(clang::QualType type) const { return scan(type).anyAuto; }

bool TypeSpeller::printable(clang::QualType type) const {
  if (type->isDependentType() || type->isUndeducedType()) return false;
  TypeScan s = scan(type);
  return !s.mentionsTask && !s.undeduced;
}

std::optional<std::string> TypeSpeller::print(clang::QualType type, std::string* whyNot) const {
  TypeScan s = scan(type);
  if (s.unnameable) {
    if (whyNot) *whyNot = s.unnameable;
    return std::nullopt;
  }
  if (type->isDependentType()) {
    std::string printed = type.getAsString(policy_);
    if (!mentionsFrameInterfaceName(printed)) return printed;
    // In a class template, a member type spelled like a frame member
    // (`output_type`) is named through the class's injected name.
    if (const auto* typedefType = type->getAs<clang::TypedefType>())
      if (const auto* record = llvm::dyn_cast<clang::CXXRecordDecl>(typedefType->getDecl()->getDeclContext());
          record && record->getIdentifier() && !type.hasLocalQualifiers())
        return "typename " + record->getNameAsString() + "::" + typedefType->getDecl()->getNameAsString();
    if (whyNot)
      *whyNot = "its type '" + printed + "' names, unqualified, a name the frame declares itself; qualify it";
    return std::nullopt;
  }
  std::string printed = clang::TypeName::getFullyQualifiedName(type, context_, policy_, /*WithGlobalNsPrefix=*/false);
  // Sugar from the fallback runtime's internals (e.g. an awaiter's typedef)
  // does not exist in lowered code: name the type itself.
  if (s.substituted || s.anyAuto || printed.find("bcsc::detail::") != std::string::npos) {
    clang::PrintingPolicy qualified = policy_;
    qualified.FullyQualifiedName = true;
    qualified.PrintCanonicalTypes = true;
    printed = type.getCanonicalType().getAsString(qualified);
    if (mentionsFrameInterfaceName(printed))
      printed = clang::TypeName::getFullyQualifiedName(type.getCanonicalType(), context_, policy_, true);
  } else if (mentionsFrameInterfaceName(printed)) {
    // Printed in the frame's scope, `output_type` would be the frame's own.
    printed = clang::TypeName::getFullyQualifiedName(type, context_, policy_, /*WithGlobalNsPrefix=*/true);
  }
  return printed;
}

}  // namespace bcsc::analysis
