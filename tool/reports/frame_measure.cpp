#include "reports/frame_measure.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/RecordLayout.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Frontend/TextDiagnosticBuffer.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <map>

namespace bcsc::reports {

namespace {

class FrameFinder : public clang::RecursiveASTVisitor<FrameFinder> {
 public:
  bool VisitCXXRecordDecl(clang::CXXRecordDecl* record) {
    if (record->isThisDeclarationADefinition() && record->getIdentifier() &&
        record->getName().starts_with("bcsc_frame_"))
      found[nameWithoutUnnamedNamespaces(record->getQualifiedNameAsString())] = record;
    return true;
  }
  // Frames of functions that are not exported live in an unnamed namespace
  // (internal linkage); the IR names them without it.
  static std::string nameWithoutUnnamedNamespaces(std::string name) {
    const std::string unnamed = "(anonymous namespace)::";
    for (size_t at; (at = name.find(unnamed)) != std::string::npos;) name.erase(at, unnamed.size());
    return name;
  }
  std::map<std::string, const clang::CXXRecordDecl*> found;
};

std::uint64_t bytes(const clang::ASTContext& context, clang::QualType type) {
  return static_cast<std::uint64_t>(context.getTypeSizeInChars(type).getQuantity());
}

// Walks the storage struct: slots are named after their objects, nested
// structs and unions add their own offsets.
void collectSlots(const clang::ASTContext& context, const clang::RecordDecl* record, std::uint64_t base,
                  const std::map<std::string, unsigned>& objectByName, MeasuredFrame& frame) {
  const clang::ASTRecordLayout& layout = context.getASTRecordLayout(record);
  for (const clang::FieldDecl* field : record->fields()) {
    std::uint64_t offset = base + layout.getFieldOffset(field->getFieldIndex()) / 8;
    std::string name = field->getNameAsString();
    if (name == "state") {
      frame.stateOffset = offset;
      frame.stateSize = bytes(context, field->getType());
    } else if (auto it = objectByName.find(name); it != objectByName.end()) {
      frame.slots.push_back({it->second, offset, bytes(context, field->getType())});
    } else if (const clang::RecordDecl* nested = field->getType()->getAsRecordDecl()) {
      collectSlots(context, nested, offset, objectByName, frame);
    }
  }
}

MeasuredFrame measure(const clang::ASTContext& context, const clang::CXXRecordDecl* record,
                      const ir::AsyncFunction& fn) {
  MeasuredFrame frame;
  if (!record || record->isDependentContext() || record->isInvalidDecl()) return frame;
  const clang::ASTRecordLayout& layout = context.getASTRecordLayout(record);
  frame.measured = true;
  frame.size = static_cast<std::uint64_t>(layout.getSize().getQuantity());
  frame.align = static_cast<std::uint64_t>(layout.getAlignment().getQuantity());
  std::map<std::string, unsigned> objectByName;
  for (const ir::FrameObject& o : fn.objects) objectByName[o.name] = o.id;
  for (const clang::FieldDecl* field : record->fields()) {
    std::uint64_t offset = layout.getFieldOffset(field->getFieldIndex()) / 8;
    std::string name = field->getNameAsString();
    if (name == "bcsc_storage") {
      collectSlots(context, field->getType()->getAsRecordDecl(), offset, objectByName, frame);
      continue;
    }
    for (unsigned i = 0; i < fn.params.size(); ++i)
      if (fn.params[i].name == name) frame.parameters.push_back({i, offset, bytes(context, field->getType())});
    if (name == "bcsc_self")
      frame.parameters.push_back({static_cast<unsigned>(fn.params.size()), offset, bytes(context, field->getType())});
  }
  auto byOffset = [](const MeasuredSlot& a, const MeasuredSlot& b) { return a.offset < b.offset; };
  std::stable_sort(frame.slots.begin(), frame.slots.end(), byOffset);
  return frame;
}

}  // namespace

bool measureFrames(const std::string& loweredCode, const std::vector<const ir::AsyncFunction*>& functions,
                   const std::vector<std::string>& clangArgs, std::vector<MeasuredFrame>& frames,
                   std::string& error, const MeasureOptions& options) {
  clang::TextDiagnosticBuffer diagnostics;
  clang::tooling::FileContentMappings mapped(options.mappedFiles.begin(), options.mappedFiles.end());
  std::unique_ptr<clang::ASTUnit> unit = clang::tooling::buildASTFromCodeWithArgs(
      loweredCode, clangArgs, options.fileName, "bcsc", std::make_shared<clang::PCHContainerOperations>(),
      clang::tooling::getClangStripDependencyFileAdjuster(), mapped, &diagnostics);
  if (unit && options.filesRead) {
    const clang::SourceManager& sm = unit->getSourceManager();
    for (auto it = sm.fileinfo_begin(); it != sm.fileinfo_end(); ++it) {
      llvm::SmallString<256> path(it->first.getName());
      llvm::sys::fs::make_absolute(path);
      llvm::sys::path::remove_dots(path, true);
      if (path == options.fileName) continue;
      bool mapped = false;
      for (const auto& file : options.mappedFiles) mapped |= path == file.first;
      // Paths such as <gcc>/../../../../include/c++/12/atomic lose their
      // meaning without the symlinks they go through: name the real file.
      llvm::SmallString<256> real;
      if (!mapped && !llvm::sys::fs::real_path(it->first.getName(), real)) path = real;
      options.filesRead->push_back(std::string(path));
    }
    std::sort(options.filesRead->begin(), options.filesRead->end());
  }
  if (!unit || unit->getDiagnostics().hasErrorOccurred()) {
    error = "the lowered code does not compile";
    for (auto it = diagnostics.err_begin(); it != diagnostics.err_end(); ++it) {
      error += "\n  ";
      if (unit && it->first.isValid()) {
        clang::PresumedLoc where = unit->getSourceManager().getPresumedLoc(it->first);
        if (where.isValid()) error += std::string(where.getFilename()) + ":" + std::to_string(where.getLine()) + ": ";
      }
      error += it->second;
      break;
    }
    return false;
  }
  FrameFinder finder;
  finder.TraverseDecl(unit->getASTContext().getTranslationUnitDecl());
  frames.clear();
  for (const ir::AsyncFunction* fn : functions) {
    std::string key = fn->scope.empty() ? fn->frameName : fn->scope + "::" + fn->frameName;
    auto it = finder.found.find(key);
    frames.push_back(measure(unit->getASTContext(), it == finder.found.end() ? nullptr : it->second, *fn));
  }
  return true;
}

}  // namespace bcsc::reports
