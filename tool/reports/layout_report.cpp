#include "reports/layout_report.h"

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <map>
#include <set>

namespace bcsc::reports {

namespace {

// The states in which each object is alive (suspended with it in the frame).
std::map<unsigned, std::vector<unsigned>> statesOf(const ir::AsyncFunction& fn) {
  std::map<unsigned, std::vector<unsigned>> states;
  for (const ir::SuspendPoint& p : fn.suspends)
    for (unsigned id : p.alive) states[id].push_back(p.state);
  return states;
}

std::string joinNumbers(const std::vector<unsigned>& numbers) {
  std::string out;
  for (unsigned n : numbers) out += (out.empty() ? "" : " ") + std::to_string(n);
  return out;
}

struct Range {
  std::uint64_t begin, end;
};

// Bytes of the frame that no parameter, object or state index occupies.
std::vector<Range> padding(const MeasuredFrame& frame) {
  std::vector<Range> used;
  for (const MeasuredSlot& s : frame.slots) used.push_back({s.offset, s.offset + s.size});
  for (const MeasuredSlot& s : frame.parameters) used.push_back({s.offset, s.offset + s.size});
  used.push_back({frame.stateOffset, frame.stateOffset + frame.stateSize});
  std::sort(used.begin(), used.end(), [](const Range& a, const Range& b) { return a.begin < b.begin; });
  std::vector<Range> gaps;
  std::uint64_t pos = 0;
  for (const Range& r : used) {
    if (r.begin > pos) gaps.push_back({pos, r.begin});
    pos = std::max(pos, r.end);
  }
  if (frame.size > pos) gaps.push_back({pos, frame.size});
  return gaps;
}

// One table row: offset, size, type, what.
std::string row(const std::string& offset, const std::string& size, const std::string& type,
                const std::string& what) {
  return llvm::formatv("  {0,6} {1,5}  {2,-28} {3}\n", offset, size, type, what).str();
}
std::string row(std::uint64_t offset, std::uint64_t size, const std::string& type, const std::string& what) {
  return row(std::to_string(offset), std::to_string(size), type, what);
}

std::string describeObject(const ir::FrameObject& o) {
  return o.displayName.empty() ? std::string(ir::toString(o.kind)) : o.displayName;
}

}  // namespace

std::string layoutText(const ir::AsyncFunction& fn, const layout::FrameLayout& layout, const MeasuredFrame& frame) {
  std::string text;
  llvm::raw_string_ostream os(text);
  auto states = statesOf(fn);
  os << "frame of '" << fn.name << "' (" << fn.frameName << "), " << fn.file << ":" << fn.line << "\n";
  if (!frame.measured) {
    os << "  a template: the size depends on its arguments; objects by lifetime:\n";
    for (const ir::FrameObject& o : fn.objects)
      os << "    " << describeObject(o) << " : " << o.type << " (" << ir::toString(o.kind) << ", line " << o.line
         << ")\n";
    return os.str();
  }
  os << "  " << frame.size << " bytes, align " << frame.align << ", " << fn.stateCount() << " states (start, "
     << fn.suspends.size() << " suspend points, done)\n";
  os << row("offset", "size", "type", "object");
  for (const MeasuredSlot& p : frame.parameters) {
    bool self = p.object >= fn.params.size();
    os << row(p.offset, p.size, self ? fn.classType + "*" : fn.params[p.object].type,
              self ? "this (the object)" : "parameter " + fn.params[p.object].name);
  }
  for (const MeasuredSlot& s : frame.slots) {
    const ir::FrameObject& o = fn.objects[s.object];
    std::string where = std::string(ir::toString(o.kind)) + ", line " + std::to_string(o.line);
    auto it = states.find(o.id);
    where += it == states.end() ? ", alive at no suspend point" : ", alive in state " + joinNumbers(it->second);
    os << row(s.offset, s.size, o.type, describeObject(o) + "  (" + where + ")");
  }
  os << row(frame.stateOffset, frame.stateSize, "(state index)", "state");
  std::uint64_t padded = 0;
  for (const Range& gap : padding(frame)) {
    os << row(gap.begin, gap.end - gap.begin, "(padding)", "");
    padded += gap.end - gap.begin;
  }
  os << "  padding: " << padded << " bytes\n";
  std::map<unsigned, std::uint64_t> sizeOf;
  for (const MeasuredSlot& s : frame.slots) sizeOf[s.object] = s.size;
  for (const ir::SuspendPoint& p : fn.suspends) {
    std::uint64_t live = 0;
    std::string names;
    for (unsigned id : p.alive) {
      live += sizeOf[id];
      names += (names.empty() ? "" : ", ") + describeObject(fn.objects[id]);
    }
    os << "  state " << p.state << " (line " << p.line << ", " << p.text << "): " << live << " bytes of objects"
       << (names.empty() ? "" : ": " + names) << "\n";
  }
  for (unsigned id : layout.pollLocal)
    os << "  not in the frame: " << describeObject(fn.objects[id]) << " (line " << fn.objects[id].line
       << "), used before any later suspend point\n";
  return os.str();
}

llvm::json::Object layoutJson(const ir::AsyncFunction& fn, const layout::FrameLayout& layout,
                              const MeasuredFrame& frame) {
  auto states = statesOf(fn);
  llvm::json::Array objects;
  for (const MeasuredSlot& s : frame.slots) {
    const ir::FrameObject& o = fn.objects[s.object];
    llvm::json::Array alive;
    for (unsigned st : states[o.id]) alive.push_back(st);
    objects.push_back(llvm::json::Object{{"name", describeObject(o)},
                                         {"slot", o.name},
                                         {"kind", ir::toString(o.kind)},
                                         {"type", o.type},
                                         {"line", o.line},
                                         {"offset", s.offset},
                                         {"size", s.size},
                                         {"states", std::move(alive)}});
  }
  llvm::json::Array params;
  for (const MeasuredSlot& p : frame.parameters) {
    bool self = p.object >= fn.params.size();
    params.push_back(llvm::json::Object{{"name", self ? "this" : fn.params[p.object].name},
                                        {"offset", p.offset},
                                        {"size", p.size}});
  }
  llvm::json::Array suspends;
  for (const ir::SuspendPoint& p : fn.suspends) {
    llvm::json::Array alive;
    for (unsigned id : p.alive) alive.push_back(fn.objects[id].name);
    suspends.push_back(llvm::json::Object{{"state", p.state}, {"line", p.line}, {"text", p.text},
                                          {"alive", std::move(alive)}});
  }
  llvm::json::Array gaps;
  for (const Range& gap : padding(frame)) gaps.push_back(llvm::json::Object{{"offset", gap.begin}, {"size", gap.end - gap.begin}});
  llvm::json::Array pollLocal;
  for (unsigned id : layout.pollLocal) pollLocal.push_back(fn.objects[id].name);
  llvm::json::Object out{{"function", fn.name},
                         {"frame", fn.frameName},
                         {"file", fn.file},
                         {"line", fn.line},
                         {"measured", frame.measured},
                         {"states", fn.stateCount()},
                         {"parameters", std::move(params)},
                         {"objects", std::move(objects)},
                         {"suspend_points", std::move(suspends)},
                         {"not_in_frame", std::move(pollLocal)}};
  if (frame.measured) {
    out["size"] = frame.size;
    out["align"] = frame.align;
    out["state_index"] = llvm::json::Object{{"offset", frame.stateOffset}, {"size", frame.stateSize}};
    out["padding"] = std::move(gaps);
  }
  return out;
}

}  // namespace bcsc::reports
