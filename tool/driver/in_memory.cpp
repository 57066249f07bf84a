#include "driver/in_memory.h"

#include "checks/findings.h"

#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Basic/FileManager.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"

namespace bcsc::driver {

namespace {

constexpr const char* kDirectory = "/bcsc-in-memory";

std::string underDirectory(const std::string& path) {
  if (!path.empty() && path[0] == '/') return path;
  return std::string(kDirectory) + "/" + path;
}

}  // namespace

InMemoryResult lowerInMemory(llvm::StringRef code, const InMemoryOptions& options) {
  InMemoryResult result;
  // The borrow checks keep every finding for the SARIF/YAML exports; one
  // process lowering many buffers must not accumulate them.
  checks::exportedDiagnostics().clear();

  llvm::IntrusiveRefCntPtr<llvm::vfs::InMemoryFileSystem> memory(new llvm::vfs::InMemoryFileSystem);
  memory->setCurrentWorkingDirectory(kDirectory);
  std::string mainFile = underDirectory(options.fileName);
  memory->addFile(mainFile, 0, llvm::MemoryBuffer::getMemBufferCopy(code, mainFile));
  for (const auto& [path, text] : options.files) {
    std::string name = underDirectory(path);
    memory->addFile(name, 0, llvm::MemoryBuffer::getMemBufferCopy(text, name));
  }
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> fs = memory;
  if (options.realFileSystem) {
    llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> overlay(
        new llvm::vfs::OverlayFileSystem(llvm::vfs::getRealFileSystem()));
    overlay->pushOverlay(memory);
    fs = overlay;
  }
  llvm::IntrusiveRefCntPtr<clang::FileManager> fileManager(new clang::FileManager(clang::FileSystemOptions(), fs));

  std::vector<std::string> commandLine{"bcsc", "-fsyntax-only"};
  for (const std::string& arg : extraClangArguments()) commandLine.push_back(arg);
  for (const std::string& arg : options.args) commandLine.push_back(arg);
  commandLine.push_back(mainFile);

  bool lowered = false;
  auto factory = makeLoweringFactory(options.pipeline, [&](LoweredUnit& unit) {
    lowered = true;
    result.output = std::move(unit.output);
  });

  llvm::raw_string_ostream diagnostics(result.diagnostics);
  llvm::IntrusiveRefCntPtr<clang::DiagnosticOptions> diagnosticOptions(new clang::DiagnosticOptions);
  clang::TextDiagnosticPrinter printer(diagnostics, diagnosticOptions.get());
  clang::tooling::ToolInvocation invocation(std::move(commandLine), factory.get(), fileManager.get(),
                                            std::make_shared<clang::PCHContainerOperations>());
  invocation.setDiagnosticConsumer(&printer);
  bool ran = false;
  runWithLargeStack([&] { ran = invocation.run(); });
  diagnostics.flush();

  result.errors = printer.getNumErrors();
  result.success = ran && result.errors == 0 && (lowered || options.pipeline.checksOnly);
  checks::exportedDiagnostics().clear();
  return result;
}

}  // namespace bcsc::driver
