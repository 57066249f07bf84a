#include "reports/state_graph.h"

namespace bcsc::reports {

namespace {

using ir::StmtKind;
using States = std::set<unsigned>;

// Forward dataflow over the structured IR: the set of states the frame can
// have last suspended in when control reaches a point.
class Transitions {
 public:
  explicit Transitions(const ir::AsyncFunction& fn) : done_(fn.stateCount() - 1) {}

  std::set<std::pair<unsigned, unsigned>> run(const ir::Stmt& body) {
    walk(body, {0});
    return edges_;
  }

 private:
  struct Target {
    bool isLoop;
    unsigned loop;
    States breaks;
    States continues;
  };

  States walkList(const std::vector<ir::Stmt>& list, States in) {
    for (const ir::Stmt& s : list) in = walk(s, std::move(in));
    return in;
  }

  States walk(const ir::Stmt& s, States in) {
    switch (s.kind) {
      case StmtKind::Block:
        return walkList(s.children, std::move(in));
      case StmtKind::Suspend:
        for (unsigned from : in) edges_.insert({from, s.index});
        return {s.index};
      case StmtKind::If: {
        States out = walkList(s.children, in);
        States other = s.elseChildren.empty() ? in : walkList(s.elseChildren, in);
        out.insert(other.begin(), other.end());
        return out;
      }
      case StmtKind::Loop:
        return walkLoop(s, std::move(in));
      case StmtKind::Switch:
        return walkSwitch(s, std::move(in));
      case StmtKind::Break:
        innermost(false).breaks.insert(in.begin(), in.end());
        return {};
      case StmtKind::Continue:
        loopTarget(s.index).continues.insert(in.begin(), in.end());
        return {};
      case StmtKind::Return:
        for (unsigned from : in) edges_.insert({from, done_});
        return {};
      default:
        return in;
    }
  }

  // Iterates to a fixpoint: the loop's entry grows by what reaches its end.
  States walkLoop(const ir::Stmt& loop, States in) {
    States entry = in;
    while (true) {
      targets_.push_back({true, loop.index, {}, {}});
      States s = walkList(loop.elseChildren, entry);
      s = walkList(loop.children, std::move(s));
      s.insert(targets_.back().continues.begin(), targets_.back().continues.end());
      s = walkList(loop.latch, std::move(s));
      States breaks = targets_.back().breaks;
      targets_.pop_back();
      States next = in;
      next.insert(s.begin(), s.end());
      if (next == entry) return breaks;
      entry = std::move(next);
    }
  }

  // Any label may be entered from the switch; the body falls through.
  States walkSwitch(const ir::Stmt& sw, States in) {
    targets_.push_back({false, 0, {}, {}});
    States current;
    bool hasDefault = false;
    for (const ir::Stmt& s : sw.children) {
      if (s.kind == StmtKind::Label) {
        current.insert(in.begin(), in.end());
        hasDefault |= s.text == "default:";
        continue;
      }
      current = walk(s, std::move(current));
    }
    States out = std::move(current);
    out.insert(targets_.back().breaks.begin(), targets_.back().breaks.end());
    if (!hasDefault) out.insert(in.begin(), in.end());
    targets_.pop_back();
    return out;
  }

  Target& innermost(bool loopOnly) {
    for (auto it = targets_.rbegin(); it != targets_.rend(); ++it)
      if (!loopOnly || it->isLoop) return *it;
    return targets_.back();
  }

  Target& loopTarget(unsigned loop) {
    for (auto it = targets_.rbegin(); it != targets_.rend(); ++it)
      if (it->isLoop && it->loop == loop) return *it;
    return innermost(true);
  }

  unsigned done_;
  std::vector<Target> targets_;
  std::set<std::pair<unsigned, unsigned>> edges_;
};

std::string escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c == '\n' ? ' ' : c;
  }
  return out;
}

}  // namespace

std::set<std::pair<unsigned, unsigned>> stateTransitions(const ir::AsyncFunction& fn) {
  return Transitions(fn).run(fn.body);
}

std::string stateGraphDot(const std::vector<const ir::AsyncFunction*>& functions) {
  std::string out = "digraph bcsc {\n  rankdir=TB;\n  node [shape=box, fontname=\"monospace\"];\n";
  unsigned index = 0;
  for (const ir::AsyncFunction* fn : functions) {
    std::string id = "f" + std::to_string(index++) + "_";
    unsigned done = fn->stateCount() - 1;
    out += "  subgraph cluster_" + id + " {\n";
    out += "    label=\"" + escape(fn->name) + " (line " + std::to_string(fn->line) + ")\";\n";
    out += "    " + id + "0 [shape=circle, label=\"start\"];\n";
    for (const ir::SuspendPoint& p : fn->suspends)
      out += "    " + id + std::to_string(p.state) + " [label=\"state " + std::to_string(p.state) + "\\nline " +
             std::to_string(p.line) + ": " + escape(p.text) + "\"];\n";
    out += "    " + id + std::to_string(done) + " [shape=doublecircle, label=\"done\"];\n";
    for (const auto& [from, to] : stateTransitions(*fn))
      out += "    " + id + std::to_string(from) + " -> " + id + std::to_string(to) + ";\n";
    out += "  }\n";
  }
  return out + "}\n";
}

}  // namespace bcsc::reports
