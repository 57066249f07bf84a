#include "reports/sarif.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"

namespace bcsc::reports {

namespace {

std::string fileUri(llvm::StringRef path) {
  llvm::SmallString<256> abs(path);
  if (!llvm::sys::path::is_absolute(abs)) return std::string(path);  // relative: a relative URI reference
  std::string uri = "file://";
  for (char c : abs) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
      uri += c;
    } else {
      static const char* hex = "0123456789ABCDEF";
      uri += '%';
      uri += hex[u >> 4];
      uri += hex[u & 15];
    }
  }
  return uri;
}

llvm::json::Object physicalLocation(const ExportLocation& loc) {
  return llvm::json::Object{
      {"artifactLocation", llvm::json::Object{{"uri", fileUri(loc.file)}}},
      {"region", llvm::json::Object{{"startLine", loc.line}, {"startColumn", loc.column}}}};
}

}  // namespace

void writeSarif(llvm::raw_ostream& out, const std::vector<ExportRule>& rules,
                const std::vector<ExportDiagnostic>& diagnostics) {
  llvm::json::Array ruleArray;
  for (const ExportRule& rule : rules)
    ruleArray.push_back(llvm::json::Object{{"id", rule.id},
                                           {"name", rule.id},
                                           {"shortDescription", llvm::json::Object{{"text", rule.description}}},
                                           {"defaultConfiguration", llvm::json::Object{{"level", "error"}}}});
  llvm::json::Array results;
  for (const ExportDiagnostic& d : diagnostics) {
    llvm::json::Object result{{"ruleId", d.rule}, {"level", d.level}, {"message", llvm::json::Object{{"text", d.message}}}};
    for (size_t i = 0; i < rules.size(); ++i)
      if (rules[i].id == d.rule) result["ruleIndex"] = static_cast<int64_t>(i);
    if (d.location.valid)
      result["locations"] = llvm::json::Array{llvm::json::Object{{"physicalLocation", physicalLocation(d.location)}}};
    llvm::json::Array related;
    int id = 0;
    for (const ExportNote& note : d.notes) {
      if (!note.location.valid) continue;
      related.push_back(llvm::json::Object{{"id", id++},
                                           {"message", llvm::json::Object{{"text", note.message}}},
                                           {"physicalLocation", physicalLocation(note.location)}});
    }
    if (!related.empty()) result["relatedLocations"] = std::move(related);
    if (!d.fixes.empty()) {
      llvm::json::Array changes;
      for (const ExportReplacement& r : d.fixes) {
        changes.push_back(llvm::json::Object{
            {"artifactLocation", llvm::json::Object{{"uri", fileUri(r.begin.file)}}},
            {"replacements",
             llvm::json::Array{llvm::json::Object{
                 {"deletedRegion", llvm::json::Object{{"startLine", r.begin.line},
                                                      {"startColumn", r.begin.column},
                                                      {"endLine", r.end.line},
                                                      {"endColumn", r.end.column}}},
                 {"insertedContent", llvm::json::Object{{"text", r.text}}}}}}});
      }
      result["fixes"] = llvm::json::Array{llvm::json::Object{
          {"description", llvm::json::Object{{"text", d.notes.empty() ? d.message : d.notes.back().message}}},
          {"artifactChanges", std::move(changes)}}};
    }
    results.push_back(std::move(result));
  }
  llvm::json::Object run{
      {"tool", llvm::json::Object{{"driver", llvm::json::Object{{"name", "bcsc"},
                                                                  {"informationUri", "https://example.invalid/bcsc/docs/diagnostics.md"},
                                                                  {"rules", std::move(ruleArray)}}}}},
      {"columnKind", "unicodeCodePoints"},
      {"results", std::move(results)}};
  llvm::json::Object log{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                         {"version", "2.1.0"},
                         {"runs", llvm::json::Array{std::move(run)}}};
  out << llvm::formatv("{0:2}", llvm::json::Value(std::move(log))) << "\n";
}

}  // namespace bcsc::reports
