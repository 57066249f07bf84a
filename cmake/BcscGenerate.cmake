# bcsc_generate: lower [[bcsc::async]] sources with the bcsc compiler, in the
# style of protobuf_generate / flatbuffers_generate_headers.
#
#   find_package(bcsc CONFIG REQUIRED)
#   add_executable(app main.cpp tasks.cpp)
#   target_link_libraries(app PRIVATE bcsc::runtime)
#   target_compile_features(app PRIVATE cxx_std_17)
#   target_compile_options(app PRIVATE -fno-exceptions -fno-rtti)
#   bcsc_generate(TARGET app SOURCES tasks.cpp)
#
#   bcsc_generate(TARGET <target> SOURCES <file>...
#                 [OUTPUT_DIR <dir>]          # default <current binary dir>/bcsc/<target>
#                 [EXTRA_ARGS <clang-arg>...] # e.g. --target=... for a cross build
#                 [NO_LINE_DIRECTIVES]        # readable output, no #line to the source
#                 [OUT_VAR <var>])            # receives the generated files
#
# For each source (relative paths are relative to the current source dir) one
# custom command runs
#   bcsc lower <src> -o <OUTPUT_DIR>/<src>.lowered.cpp
#        --export-header <OUTPUT_DIR>/<src name without extension>.bcsc.hpp
#        --depfile <...>.d --
#        -I<target's include dirs> -D<target's compile definitions>
#        -I<bcsc runtime include dir> <EXTRA_ARGS>
# The include directories and compile definitions come from the target
# through generator expressions ($<TARGET_PROPERTY:target,INCLUDE_DIRECTORIES>,
# COMPILE_DEFINITIONS, with COMMAND_EXPAND_LISTS), so they include what the
# target gets from the libraries it links, per configuration. The command
# depends on the bcsc executable (bcsc::bcsc) and the source; the depfile
# written by the tool lists every header it read, so editing a header the
# async source includes lowers it again (Ninja; Makefiles with CMake >= 3.20).
#
# The generated file replaces the original in the target's sources. It
# includes <bcsc/frame_support.hpp>: link the target with bcsc::runtime.
#
# Separate compilation (docs/separate-compilation.md). An async function
# declared in a header and defined in one of SOURCES is callable from other
# files, of this target or of targets that link it. The header includes the
# export header bcsc writes for the defining source when BCSC_LOWERED is set:
#   #if BCSC_LOWERED
#   #include "sensor.bcsc.hpp"      // written by bcsc for sensor.cpp
#   #else
#   [[bcsc::async]] bcsc::task<int> read_sensor(int channel);
#   #endif
# bcsc_generate adds OUTPUT_DIR to the target's include directories and
# BCSC_LOWERED=1 to its compile definitions, both PUBLIC (a library's
# users see the lowered declarations; the include directory is
# $<BUILD_INTERFACE:...>: install the generated headers yourself if you
# install the library). Source names must differ without their extension.
# Lowering a source that exports functions parses its lowered code, with
# every header it includes: the export headers of other sources must exist
# by then. Each source's command therefore depends on the export headers
# of the sources listed before it in the same call: list a source after
# those whose export headers it includes. Across targets, call
# bcsc_generate for a library before the targets that link it (after
# target_link_libraries): their commands then depend on its export headers
# too.
# Quoted includes of the original resolve from the original's directory
# (added to the generated file's include path). As with any custom command,
# call bcsc_generate in the directory that created the target.
#
# bcsc leaves an unchanged output untouched. Ninja (restat) then recompiles
# nothing and remembers that lowering ran. Make has no restat: with the other
# generators the output is touched after lowering, so the lowering does not
# run again on every build (the lowered file is recompiled once instead).

if(CMAKE_VERSION VERSION_LESS 3.20)
  message(FATAL_ERROR "bcsc_generate needs CMake 3.20 or newer (DEPFILE for every generator)")
endif()

function(bcsc_generate)
  cmake_parse_arguments(PARSE_ARGV 0 arg "NO_LINE_DIRECTIVES" "TARGET;OUTPUT_DIR;OUT_VAR" "SOURCES;EXTRA_ARGS")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "bcsc_generate: unknown arguments: ${arg_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT arg_TARGET OR NOT TARGET "${arg_TARGET}")
    message(FATAL_ERROR "bcsc_generate: TARGET must name an existing target (got '${arg_TARGET}')")
  endif()
  if(NOT arg_SOURCES)
    message(FATAL_ERROR "bcsc_generate(TARGET ${arg_TARGET}): no SOURCES given")
  endif()
  if(NOT TARGET bcsc::bcsc)
    message(FATAL_ERROR "bcsc_generate: the bcsc executable (bcsc::bcsc) is not available; "
                        "was the package built with BCSC_BUILD_TOOL=ON?")
  endif()
  set(target "${arg_TARGET}")
  set(out_dir "${arg_OUTPUT_DIR}")
  if(NOT out_dir)
    set(out_dir "${CMAKE_CURRENT_BINARY_DIR}/bcsc/${target}")
  endif()
  get_filename_component(out_dir "${out_dir}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_BINARY_DIR}")

  set(includes "$<TARGET_PROPERTY:${target},INCLUDE_DIRECTORIES>")
  set(definitions "$<TARGET_PROPERTY:${target},COMPILE_DEFINITIONS>")
  set(runtime_includes "$<TARGET_PROPERTY:bcsc::runtime,INTERFACE_INCLUDE_DIRECTORIES>")
  set(tool_options)
  if(arg_NO_LINE_DIRECTIVES)
    list(APPEND tool_options --no-line-directives)
  endif()

  # Export headers of bcsc_generate'd libraries the target links (directly,
  # when bcsc_generate runs): sources here may include them.
  set(export_headers)
  get_target_property(linked "${target}" LINK_LIBRARIES)
  if(linked)
    foreach(lib IN LISTS linked)
      if(TARGET "${lib}")
        get_target_property(lib_headers "${lib}" BCSC_EXPORT_HEADERS)
        if(lib_headers)
          list(APPEND export_headers ${lib_headers})
        endif()
      endif()
    endforeach()
  endif()

  set(inputs)
  set(outputs)
  set(own_headers)
  set(stems)
  set(touch_output)
  foreach(source IN LISTS arg_SOURCES)
    get_filename_component(input "${source}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    get_filename_component(input_dir "${input}" DIRECTORY)
    file(RELATIVE_PATH rel "${CMAKE_CURRENT_SOURCE_DIR}" "${input}")
    if(rel MATCHES "^\\.\\./" OR IS_ABSOLUTE "${rel}")
      get_filename_component(rel "${input}" NAME)  # outside the source dir
    endif()
    set(output "${out_dir}/${rel}.lowered.cpp")
    set(depfile "${out_dir}/${rel}.d")
    get_filename_component(stem "${input}" NAME_WLE)
    if(stem IN_LIST stems)
      message(FATAL_ERROR "bcsc_generate(TARGET ${target}): two sources named ${stem}.*: their export headers "
                          "would both be ${out_dir}/${stem}.bcsc.hpp")
    endif()
    list(APPEND stems "${stem}")
    set(header "${out_dir}/${stem}.bcsc.hpp")
    get_filename_component(output_parent "${output}" DIRECTORY)
    file(MAKE_DIRECTORY "${output_parent}")
    file(RELATIVE_PATH shown "${CMAKE_BINARY_DIR}" "${output}")
    if(NOT CMAKE_GENERATOR MATCHES "Ninja")
      set(touch_output COMMAND "${CMAKE_COMMAND}" -E touch "${output}" "${header}")
    endif()

    add_custom_command(
      OUTPUT "${output}" "${header}"
      COMMAND bcsc::bcsc lower "${input}" -o "${output}" --export-header "${header}" --depfile "${depfile}"
              ${tool_options} --
              "$<$<BOOL:${includes}>:-I$<JOIN:${includes},;-I>>"
              "$<$<BOOL:${definitions}>:-D$<JOIN:${definitions},;-D>>"
              "-I$<JOIN:${runtime_includes},;-I>"
              ${arg_EXTRA_ARGS}
      ${touch_output}
      DEPENDS bcsc::bcsc "${input}" ${export_headers}
      DEPFILE "${depfile}"
      COMMENT "Lowering ${source} with bcsc -> ${shown}"
      COMMAND_EXPAND_LISTS
      VERBATIM)

    set_source_files_properties("${output}" TARGET_DIRECTORY "${target}" PROPERTIES
      GENERATED TRUE
      INCLUDE_DIRECTORIES "${input_dir}")
    list(APPEND inputs "${input}")
    list(APPEND outputs "${output}")
    list(APPEND own_headers "${header}")
    list(APPEND export_headers "${header}")  # the next sources may include it
  endforeach()

  # The export headers: found through OUTPUT_DIR, chosen by BCSC_LOWERED,
  # for the target and for whatever links it.
  target_include_directories("${target}" PUBLIC "$<BUILD_INTERFACE:${out_dir}>")
  target_compile_definitions("${target}" PUBLIC BCSC_LOWERED=1)
  set_property(TARGET "${target}" APPEND PROPERTY BCSC_EXPORT_HEADERS ${own_headers})

  # The lowered files replace the originals among the target's sources.
  get_target_property(sources "${target}" SOURCES)
  get_target_property(target_dir "${target}" SOURCE_DIR)
  set(kept)
  if(sources)
    foreach(s IN LISTS sources)
      if(NOT s MATCHES "\\$<")
        get_filename_component(abs "${s}" ABSOLUTE BASE_DIR "${target_dir}")
        if(abs IN_LIST inputs)
          continue()
        endif()
      endif()
      list(APPEND kept "${s}")
    endforeach()
  endif()
  set_property(TARGET "${target}" PROPERTY SOURCES ${kept})
  target_sources("${target}" PRIVATE ${outputs} ${own_headers})

  if(arg_OUT_VAR)
    set(${arg_OUT_VAR} "${outputs}" PARENT_SCOPE)
  endif()
endfunction()
