// Spelling C++ types for the generated frame.
//
// The frame is compiled as C++17 without coroutines, so a type that names
// bcsc::task (the fallback coroutine type) means something else there: the
// frame of the async function that produced it. Such types, and types that
// depend on template parameters, are spelled as decltype of the expression
// that produced them, which the C++17 compiler then resolves.
#pragma once

#include "clang/AST/ASTContext.h"
#include "clang/AST/Type.h"
#include <optional>
#include <string>

namespace bcsc::analysis {

class TypeSpeller {
 public:
  explicit TypeSpeller(clang::ASTContext& context);

  // Whether `type` can be printed as written (no task, not dependent,
  // no undeduced auto).
  bool printable(clang::QualType type) const;
  // Whether `type` contains `auto` (deduced or not).
  bool containsAuto(clang::QualType type) const;
  // Whether `type` mentions bcsc::task anywhere.
  bool mentionsTask(clang::QualType type) const;
  // The printed, fully qualified type; nullopt with a reason if it cannot be
  // named outside the function (lambda closures, local classes).
  std::optional<std::string> print(clang::QualType type, std::string* whyNot = nullptr) const;

 private:
  clang::ASTContext& context_;
  clang::PrintingPolicy policy_;
};

}  // namespace bcsc::analysis
