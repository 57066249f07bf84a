// bcsc: borrow-checked structured concurrency.
//
//   bcsc lower IN.cpp... (-o OUT.cpp | --out-dir DIR) [-p BUILD] [-- FLAGS]
//   bcsc check IN.cpp... [-p BUILD] [-- FLAGS]
//   bcsc layout IN.cpp... [--json] [-- FLAGS]
//   bcsc graph IN.cpp... [-o OUT.dot] [-- FLAGS]
//
// `lower` checks and then lowers every [[bcsc::async]] function of each
// input into a fixed-size state machine. On any error nothing is written
// and the exit status is 1. `check` runs only the borrow checks.
#include "driver/pipeline.h"

#include "checks/checks.h"
#include "codegen/output_file.h"
#include "reports/frame_measure.h"
#include "reports/layout_report.h"
#include "reports/state_graph.h"

#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CommonOptionsParser.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <map>
#include <optional>

namespace {

llvm::cl::OptionCategory category("bcsc options");
llvm::cl::opt<std::string> outputFile("o", llvm::cl::desc("Output file (one input)"),
                                      llvm::cl::value_desc("file"), llvm::cl::cat(category));
llvm::cl::opt<std::string> outputDir("out-dir", llvm::cl::desc("Output directory (several inputs)"),
                                     llvm::cl::value_desc("dir"), llvm::cl::cat(category));
llvm::cl::opt<std::string> depfile("depfile",
                                    llvm::cl::desc("Write a Makefile-style depfile listing every file read"),
                                    llvm::cl::value_desc("file"), llvm::cl::cat(category));
llvm::cl::opt<bool> json("json", llvm::cl::desc("bcsc layout: print JSON"), llvm::cl::cat(category));
llvm::cl::opt<bool> noLineDirectives("no-line-directives",
                                     llvm::cl::desc("Do not emit #line directives (for reading the output)"),
                                     llvm::cl::cat(category));

bool write(const std::string& path, const std::string& text);

int usage() {
  llvm::errs() << "usage: bcsc lower IN.cpp... (-o OUT.cpp | --out-dir DIR) [-p BUILD_DIR] [-- CLANG_FLAGS]\n"
                  "       bcsc check IN.cpp... [-p BUILD_DIR] [-- CLANG_FLAGS]\n"
                  "       bcsc layout IN.cpp... [--json] [-p BUILD_DIR] [-- CLANG_FLAGS]\n"
                  "       bcsc graph IN.cpp... [-o OUT.dot] [-p BUILD_DIR] [-- CLANG_FLAGS]\n"
                  "run 'bcsc lower --help' for the options\n";
  return 2;
}

void addExtraArguments(clang::tooling::ClangTool& tool) {
  for (const std::string& arg : bcsc::driver::extraClangArguments())
    tool.appendArgumentsAdjuster(
        clang::tooling::getInsertArgumentAdjuster(arg.c_str(), clang::tooling::ArgumentInsertPosition::END));
}

// Lowers in memory; returns the units in input order, or nothing on error.
std::optional<std::vector<bcsc::driver::LoweredUnit>> lowerInMemory(clang::tooling::CommonOptionsParser& options) {
  clang::tooling::ClangTool tool(options.getCompilations(), options.getSourcePathList());
  addExtraArguments(tool);
  std::vector<bcsc::driver::LoweredUnit> units;
  auto factory = bcsc::driver::makeLoweringFactory(
      bcsc::driver::PipelineOptions{}, [&](bcsc::driver::LoweredUnit& unit) { units.push_back(std::move(unit)); });
  if (tool.run(factory.get()) != 0 || units.size() != options.getSourcePathList().size()) return std::nullopt;
  return units;
}

// The flags a translation unit was lowered with, to compile its output.
std::vector<std::string> loweredCompileArgs(clang::tooling::CommonOptionsParser& options, const std::string& source) {
  std::vector<std::string> args;
  std::vector<clang::tooling::CompileCommand> commands = options.getCompilations().getCompileCommands(source);
  if (!commands.empty()) {
    clang::tooling::CommandLineArguments line = clang::tooling::getClangStripOutputAdjuster()(
        commands[0].CommandLine, commands[0].Filename);
    for (size_t i = 1; i < line.size(); ++i)
      if (line[i] != commands[0].Filename && line[i] != "-c") args.push_back(line[i]);
    args.push_back("-working-directory=" + commands[0].Directory);
  }
  for (const std::string& arg : bcsc::driver::extraClangArguments()) args.push_back(arg);
  args.push_back("-std=c++17");
  args.push_back("-Wno-unknown-attributes");
  return args;
}

std::vector<const bcsc::ir::AsyncFunction*> functionsOf(const bcsc::driver::LoweredUnit& unit) {
  std::vector<const bcsc::ir::AsyncFunction*> out;
  for (const auto& f : unit.functions) out.push_back(&f.ir);
  return out;
}

int runLayout(clang::tooling::CommonOptionsParser& options) {
  auto units = lowerInMemory(options);
  if (!units) return 1;
  llvm::json::Array all;
  for (const bcsc::driver::LoweredUnit& unit : *units) {
    std::vector<bcsc::reports::MeasuredFrame> frames;
    std::string error;
    if (!bcsc::reports::measureFrames(unit.output, functionsOf(unit), loweredCompileArgs(options, unit.sourcePath),
                                      frames, error)) {
      llvm::errs() << unit.sourcePath << ": error: cannot measure the frames: " << error << "\n";
      return 1;
    }
    for (size_t i = 0; i < unit.functions.size(); ++i) {
      const auto& f = unit.functions[i];
      if (json)
        all.push_back(bcsc::reports::layoutJson(f.ir, f.layout, frames[i]));
      else
        llvm::outs() << bcsc::reports::layoutText(f.ir, f.layout, frames[i]) << "\n";
    }
  }
  if (json) llvm::outs() << llvm::formatv("{0:2}", llvm::json::Value(std::move(all))) << "\n";
  return 0;
}

int runGraph(clang::tooling::CommonOptionsParser& options) {
  auto units = lowerInMemory(options);
  if (!units) return 1;
  std::vector<const bcsc::ir::AsyncFunction*> functions;
  for (const auto& unit : *units)
    for (const auto* f : functionsOf(unit)) functions.push_back(f);
  std::string dot = bcsc::reports::stateGraphDot(functions);
  if (outputFile.empty()) {
    llvm::outs() << dot;
    return 0;
  }
  return write(outputFile, dot) ? 0 : 1;
}

int runCheck(clang::tooling::CommonOptionsParser& options) {
  clang::tooling::ClangTool tool(options.getCompilations(), options.getSourcePathList());
  addExtraArguments(tool);
  bcsc::driver::PipelineOptions pipeline;
  pipeline.checksOnly = true;
  auto factory = bcsc::driver::makeLoweringFactory(pipeline, [](bcsc::driver::LoweredUnit&) {});
  int status = tool.run(factory.get());
  bool exported = bcsc::checks::finishExports();
  return status == 0 && exported ? 0 : 1;
}

std::string outputPathFor(llvm::StringRef input, size_t inputCount) {
  if (!outputFile.empty()) return outputFile;
  llvm::SmallString<256> path(outputDir);
  llvm::sys::path::append(path, llvm::sys::path::filename(input));
  return std::string(path);
}

bool write(const std::string& path, const std::string& text) {
  if (llvm::Error error = bcsc::codegen::writeIfChanged(path, text)) {
    llvm::errs() << "bcsc: error: cannot write '" << path << "': " << llvm::toString(std::move(error)) << "\n";
    return false;
  }
  return true;
}

// One Makefile rule: the output depends on every file the tool read.
std::string makeRule(const std::string& output, const std::vector<std::string>& inputs) {
  auto escape = [](llvm::StringRef path) {
    std::string out;
    for (char c : path) {
      if (c == ' ' || c == '#') out += '\\';
      if (c == '$') out += '$';
      out += c;
    }
    return out;
  };
  std::string rule = escape(output) + ":";
  for (const std::string& input : inputs) rule += " \\\n  " + escape(input);
  return rule + "\n";
}

int runLower(clang::tooling::CommonOptionsParser& options) {
  const std::vector<std::string>& inputs = options.getSourcePathList();
  if (outputFile.empty() == outputDir.empty() || (!outputFile.empty() && inputs.size() != 1)) {
    llvm::errs() << "bcsc: error: give -o FILE for one input, or --out-dir DIR for several\n";
    return 2;
  }
  clang::tooling::ClangTool tool(options.getCompilations(), inputs);
  addExtraArguments(tool);

  // Outputs are written only after every translation unit lowered cleanly.
  std::map<std::string, std::string> outputs;
  std::map<std::string, std::vector<std::string>> dependencies;
  bcsc::driver::PipelineOptions pipeline;
  pipeline.lineDirectives = !noLineDirectives;
  auto factory = bcsc::driver::makeLoweringFactory(pipeline, [&](bcsc::driver::LoweredUnit& unit) {
    outputs[unit.sourcePath] = std::move(unit.output);
    dependencies[unit.sourcePath] = std::move(unit.dependencies);
  });
  int status = tool.run(factory.get());
  bool exported = bcsc::checks::finishExports();
  if (status != 0 || !exported || outputs.size() != inputs.size()) return 1;
  std::string depfileText;
  for (const auto& [source, text] : outputs) {
    std::string path = outputPathFor(source, inputs.size());
    if (!write(path, text)) return 1;
    depfileText += makeRule(path, dependencies[source]);
  }
  if (!depfile.empty() && !write(depfile, depfileText)) return 1;
  return 0;
}

}  // namespace

int main(int argc, const char** argv) {
  if (argc < 2) return usage();
  llvm::StringRef command = argv[1];
  if (command != "lower" && command != "check" && command != "layout" && command != "graph") return usage();
  // The subcommand is argv[1]; the rest parses like any clang tool.
  std::vector<const char*> args{argv[0]};
  args.insert(args.end(), argv + 2, argv + argc);
  int count = static_cast<int>(args.size());
  auto parsed = clang::tooling::CommonOptionsParser::create(count, args.data(), category, llvm::cl::OneOrMore,
                                                            "bcsc lower: async functions to state machines\n");
  if (!parsed) {
    llvm::errs() << llvm::toString(parsed.takeError()) << "\n";
    return 2;
  }
  // On a large stack: deeply nested input must not overflow clang's parser.
  int status = 1;
  bcsc::driver::runWithLargeStack([&] {
    if (command == "check") status = runCheck(*parsed);
    else if (command == "layout") status = runLayout(*parsed);
    else if (command == "graph") status = runGraph(*parsed);
    else status = runLower(*parsed);
  });
  return status;
}
