#!/usr/bin/env python3
"""Writes the generated seeds of the libFuzzer corpus (huge functions, deep
nesting) into corpus/. The hand-written seeds sit beside them.
Run from anywhere: python3 tests/fuzz/libfuzzer/make_corpus.py"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")
ASYNC = "[[bcsc::async]] bcsc::task<int>"


def huge_function(n=400):
    lines = [f"{ASYNC} huge(int x) {{", "  int acc = 0;"]
    for i in range(n):
        k = i % 5
        if k == 0:
            lines.append(f"  int v{i} = co_await bcsc::tick({i});")
        elif k == 1:
            lines.append(f"  acc += v{i - 1} * {i};")
        elif k == 2:
            lines.append(f"  if (acc > {i}) acc -= co_await bcsc::tick(v{i - 2});")
        elif k == 3:
            lines.append(f"  for (int j{i} = 0; j{i} < 2; ++j{i}) acc += j{i};")
        else:
            lines.append(f"  {{ int w{i} = acc; acc = w{i} + co_await bcsc::tick({i}); }}")
    lines += ["  co_return acc;", "}"]
    return "\n".join(lines) + "\n"


def nested_parens(depth=200):
    return f"{ASYNC} parens() {{\n  int v = {'(' * depth}co_await bcsc::tick(1){')' * depth};\n  co_return v;\n}}\n"


def nested_conditional(depth=120):
    expr = "co_await bcsc::tick(0)"
    for i in range(depth):
        expr = f"(x > {i} ? {expr} : co_await bcsc::tick({i}))" if i % 2 else f"(x > {i} ? {i} : {expr})"
    return f"{ASYNC} cond(int x) {{\n  co_return {expr};\n}}\n"


def nested_blocks(depth=200):
    body = "int v = co_await bcsc::tick(1); r += v;"
    for i in range(depth):
        body = f"{{ int b{i} = {i}; {body} r += b{i}; }}"
    return f"{ASYNC} blocks() {{\n  int r = 0;\n  {body}\n  co_return r;\n}}\n"


def nested_ifs(depth=300):
    stmt = "r += co_await bcsc::tick(1);"
    for i in range(depth):
        stmt = f"if (x > {i}) {stmt}"
    return f"{ASYNC} ifs(int x) {{\n  int r = 0;\n  {stmt}\n  co_return r;\n}}\n"


def nested_loops(depth=60):
    stmt = "r += co_await bcsc::tick(i0);"
    for i in range(depth):
        stmt = f"for (int i{i} = 0; i{i} < 1; ++i{i}) {{ {stmt} }}"
    return f"{ASYNC} loops() {{\n  int r = 0;\n  {stmt}\n  co_return r;\n}}\n"


def long_expression(terms=600):
    expr = " + ".join(f"co_await bcsc::tick({i})" if i % 3 == 0 else str(i) for i in range(terms))
    return f"{ASYNC} sum() {{\n  co_return {expr};\n}}\n"


def nested_awaits(depth=100):
    expr = "1"
    for _ in range(depth):
        expr = f"co_await bcsc::tick({expr})"
    return f"{ASYNC} deep() {{\n  co_return {expr};\n}}\n"


def many_functions(n=200):
    out = []
    for i in range(n):
        callee = f"co_await f{i - 1}()" if i else "co_await bcsc::tick(0)"
        out.append(f"{ASYNC} f{i}() {{ co_return {callee} + {i}; }}")
    return "\n".join(out) + "\n"


def many_locals(n=300):
    lines = [f"{ASYNC} locals() {{"]
    lines += [f"  int l{i} = {i};" for i in range(n)]
    lines.append("  co_await bcsc::pause();")
    lines.append("  co_return " + " + ".join(f"l{i}" for i in range(n)) + ";")
    lines.append("}")
    return "\n".join(lines) + "\n"


def deep_unary(depth=2000):
    return f"{ASYNC} unary() {{\n  int v = {'-' * 0}{'- ' * depth}co_await bcsc::tick(1);\n  co_return v;\n}}\n"


def long_switch(n=300):
    cases = "\n".join(f"    case {i}: r = co_await bcsc::tick({i}); break;" for i in range(n))
    return f"{ASYNC} sw(int x) {{\n  int r = 0;\n  switch (x) {{\n{cases}\n  }}\n  co_return r;\n}}\n"


SEEDS = {
    "gen_huge_function.cpp": huge_function,
    "gen_nested_parens.cpp": nested_parens,
    "gen_nested_conditional.cpp": nested_conditional,
    "gen_nested_blocks.cpp": nested_blocks,
    "gen_nested_ifs.cpp": nested_ifs,
    "gen_nested_loops.cpp": nested_loops,
    "gen_long_expression.cpp": long_expression,
    "gen_nested_awaits.cpp": nested_awaits,
    "gen_many_functions.cpp": many_functions,
    "gen_many_locals.cpp": many_locals,
    "gen_deep_unary.cpp": deep_unary,
    "gen_long_switch.cpp": long_switch,
}

if __name__ == "__main__":
    os.makedirs(CORPUS, exist_ok=True)
    for name, make in SEEDS.items():
        with open(os.path.join(CORPUS, name), "w", encoding="utf-8") as f:
            f.write(make())
    print(f"wrote {len(SEEDS)} generated seeds to {CORPUS}")
