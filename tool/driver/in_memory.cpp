#include "driver/in_memory.h"

#include "checks/findings.h"

#include "clang/Basic/DiagnosticIDs.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Basic/FileManager.h"
#include "clang/Driver/Compilation.h"
#include "clang/Driver/Driver.h"
#include "clang/Driver/Job.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/TargetParser/Host.h"

#include <mutex>
#include <optional>

namespace bcsc::driver {

namespace {

constexpr const char* kDirectory = "/bcsc-in-memory";

std::string underDirectory(const std::string& path) {
  if (!path.empty() && path[0] == '/') return path;
  return std::string(kDirectory) + "/" + path;
}

// The clang driver's part of a run (parsing the command line, finding the
// tool chain) depends only on the command line and on the in-memory files it
// names, so a process lowering many buffers with the same options (the
// fuzzer) computes the -cc1 command line once; ToolInvocation then skips the
// driver. Nothing is cached if the driver said anything: the uncached path
// then reports it.
std::optional<std::vector<std::string>> cc1CommandLine(const std::vector<std::string>& commandLine,
                                                       llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> fs) {
  static std::mutex mutex;
  static std::map<std::vector<std::string>, std::vector<std::string>> cache;
  std::lock_guard<std::mutex> lock(mutex);
  auto it = cache.find(commandLine);
  if (it != cache.end()) return it->second;

  llvm::IntrusiveRefCntPtr<clang::DiagnosticOptions> diagnosticOptions(new clang::DiagnosticOptions);
  clang::DiagnosticConsumer counter;  // counts, prints nothing
  clang::DiagnosticsEngine diagnostics(new clang::DiagnosticIDs, diagnosticOptions, &counter, false);
  clang::driver::Driver driver(commandLine[0], llvm::sys::getDefaultTargetTriple(), diagnostics, "bcsc", fs);
  driver.setCheckInputsExist(false);  // as ToolInvocation does
  std::vector<const char*> argv;
  for (const std::string& arg : commandLine) argv.push_back(arg.c_str());
  std::unique_ptr<clang::driver::Compilation> compilation(driver.BuildCompilation(argv));
  if (!compilation || counter.getNumErrors() || counter.getNumWarnings() || compilation->getJobs().size() != 1)
    return std::nullopt;
  const clang::driver::Command& job = *compilation->getJobs().begin();
  if (job.getArguments().empty() || llvm::StringRef(job.getArguments()[0]) != "-cc1") return std::nullopt;
  std::vector<std::string> cc1{commandLine[0]};
  for (const char* arg : job.getArguments()) cc1.push_back(arg);
  cache.emplace(commandLine, cc1);
  return cc1;
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
  std::unique_ptr<clang::tooling::FrontendActionFactory> factory =
      options.parseOnly ? clang::tooling::newFrontendActionFactory<clang::SyntaxOnlyAction>()
                        : makeLoweringFactory(options.pipeline, [&](LoweredUnit& unit) {
                            lowered = true;
                            result.output = std::move(unit.output);
                          });

  llvm::raw_string_ostream diagnostics(result.diagnostics);
  llvm::IntrusiveRefCntPtr<clang::DiagnosticOptions> diagnosticOptions(new clang::DiagnosticOptions);
  clang::TextDiagnosticPrinter renderer(diagnostics, diagnosticOptions.get());
  clang::DiagnosticConsumer counter;  // counts, renders nothing
  clang::DiagnosticConsumer& printer =
      options.renderDiagnostics ? static_cast<clang::DiagnosticConsumer&>(renderer) : counter;
  if (std::optional<std::vector<std::string>> cc1 = cc1CommandLine(commandLine, fs)) commandLine = std::move(*cc1);
  clang::tooling::ToolInvocation invocation(std::move(commandLine), factory.get(), fileManager.get(),
                                            std::make_shared<clang::PCHContainerOperations>());
  invocation.setDiagnosticConsumer(&printer);
  bool ran = false;
  runWithLargeStack([&] {
    if (!options.recoverCrashes) {
      ran = invocation.run();
      return;
    }
    llvm::CrashRecoveryContext recovery;
    if (!recovery.RunSafely([&] { ran = invocation.run(); })) {
      ran = false;
      result.crashed = true;
    }
  });
  diagnostics.flush();

  result.errors = printer.getNumErrors();
  result.success = ran && result.errors == 0 && (lowered || options.pipeline.checksOnly || options.parseOnly);
  checks::exportedDiagnostics().clear();
  return result;
}

}  // namespace bcsc::driver
