# Install rules and the CMake package, included by the top-level CMakeLists.txt.
#
#   cmake --install build --prefix P   ->  P/bin/bcsc
#                                           P/include/bcsc/**
#                                           P/lib/cmake/bcsc/{bcsc-config,bcsc-config-version,
#                                                             bcscTargets*,BcscGenerate}.cmake
# The build tree is a package too: find_package(bcsc CONFIG) with
# -Dbcsc_DIR=<build dir> (or CMAKE_PREFIX_PATH=<build dir>) uses the bcsc
# executable and the runtime headers in place.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(BCSC_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/bcsc" CACHE STRING
    "Where the bcsc CMake package files are installed (relative to the prefix)")

# Exported as bcsc::runtime (the alias used inside this build too).
set_target_properties(bcsc_runtime PROPERTIES EXPORT_NAME runtime)
install(TARGETS bcsc_runtime EXPORT bcscTargets)
install(DIRECTORY "${PROJECT_SOURCE_DIR}/runtime/include/bcsc"
        DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")

if(TARGET bcsc)
  # Exported as bcsc::bcsc. Keep the LLVM/Clang library directory in the
  # installed binary's RPATH (the build-tree binary has it already).
  set_target_properties(bcsc PROPERTIES EXPORT_NAME bcsc INSTALL_RPATH_USE_LINK_PATH ON)
  install(TARGETS bcsc EXPORT bcscTargets RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
endif()

# Installed package.
install(EXPORT bcscTargets NAMESPACE bcsc:: FILE bcscTargets.cmake
        DESTINATION "${BCSC_INSTALL_CMAKEDIR}")
configure_package_config_file(
  "${PROJECT_SOURCE_DIR}/cmake/bcsc-config.cmake.in"
  "${PROJECT_BINARY_DIR}/cmake/install/bcsc-config.cmake"
  INSTALL_DESTINATION "${BCSC_INSTALL_CMAKEDIR}")
write_basic_package_version_file(
  "${PROJECT_BINARY_DIR}/bcsc-config-version.cmake"
  VERSION "${PROJECT_VERSION}" COMPATIBILITY SameMinorVersion)
install(FILES
  "${PROJECT_BINARY_DIR}/cmake/install/bcsc-config.cmake"
  "${PROJECT_BINARY_DIR}/bcsc-config-version.cmake"
  "${PROJECT_SOURCE_DIR}/cmake/BcscGenerate.cmake"
  DESTINATION "${BCSC_INSTALL_CMAKEDIR}")

# Build-tree package: <build>/bcsc-config.cmake next to bcscTargets.cmake.
export(EXPORT bcscTargets NAMESPACE bcsc:: FILE "${PROJECT_BINARY_DIR}/bcscTargets.cmake")
configure_package_config_file(
  "${PROJECT_SOURCE_DIR}/cmake/bcsc-config.cmake.in"
  "${PROJECT_BINARY_DIR}/bcsc-config.cmake"
  INSTALL_DESTINATION "${PROJECT_BINARY_DIR}"
  INSTALL_PREFIX "${PROJECT_BINARY_DIR}")
configure_file("${PROJECT_SOURCE_DIR}/cmake/BcscGenerate.cmake"
               "${PROJECT_BINARY_DIR}/BcscGenerate.cmake" COPYONLY)
