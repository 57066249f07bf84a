# lit configuration for bcsc.
#
# Substitutions:
#   %bcsc            the compiler under test (`bcsc lower` runs its --verify
#                    self-check by default)
#   %flags           clang flags every test passes after `--` (runtime headers)
#   %cxx             clang++-19, to build generated code (tests/lit/export)
#   %sanitize        -fsanitize=address,undefined... (empty with BCSC_SANITIZE=0)
#   %differential    tools/differential.py: build the source as C++20 coroutines
#                    (fallback mode) and the lowered file as C++17, run both
#                    (under ASan+UBSan), and require identical output
import os
import lit.formats

config.name = "bcsc"
config.test_format = lit.formats.ShTest(True)
config.suffixes = [".cpp"]
config.excludes = ["Inputs", "tools"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.bcsc_obj_root, "tests", "lit")

runtime_include = os.path.join(config.bcsc_src_root, "runtime", "include")
config.substitutions.append(("%bcsc", config.bcsc_bin))
# %cxx: clang-19 to build generated code; %sanitize: ASan+UBSan flags (empty
# with BCSC_SANITIZE=0), as tools/differential.py uses.
config.substitutions.append(("%cxx", config.host_cxx))
config.substitutions.append(("%sanitize", "" if os.environ.get("BCSC_SANITIZE") == "0" else
                             "-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"))
inputs = os.path.join(config.test_source_root, "Inputs")
config.substitutions.append(("%flags_json", '"-I%s", "-I%s"' % (runtime_include, inputs)))
config.substitutions.append(("%flags", "-I" + runtime_include + " -I" + inputs))
config.substitutions.append(("%differential", "python3 %s --cxx %s --runtime %s --include %s" % (
    os.path.join(config.test_source_root, "tools", "differential.py"), config.host_cxx, runtime_include,
    inputs)))
config.environment["PATH"] = os.pathsep.join([config.llvm_tools_dir, config.environment.get("PATH", "")])
for var in ("BCSC_SANITIZE",):
    if var in os.environ:
        config.environment[var] = os.environ[var]
