# CMake toolchain file for the Cortex-M3 port (QEMU mps2-an385 or a real part).
#   cmake -S . -B build/arm -DCMAKE_TOOLCHAIN_FILE=cmake/arm-none-eabi.cmake \
#         -DBCSC_BUILD_TOOL=OFF -DBCSC_BUILD_TESTS=OFF
# Images link with the port's startup code and linker script; see
# runtime/port/cortex-m3/README.md. tests/cortexm/run.sh builds without CMake.
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR arm)

set(CMAKE_C_COMPILER arm-none-eabi-gcc)
set(CMAKE_CXX_COMPILER arm-none-eabi-g++)
set(CMAKE_ASM_COMPILER arm-none-eabi-gcc)
set(CMAKE_OBJCOPY arm-none-eabi-objcopy CACHE FILEPATH "")
set(CMAKE_SIZE arm-none-eabi-size CACHE FILEPATH "")

# Try-compile cannot link a bare-metal executable without our startup code.
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)

set(BCSC_CORTEX_M3_FLAGS "-mcpu=cortex-m3 -mthumb")
set(CMAKE_C_FLAGS_INIT "${BCSC_CORTEX_M3_FLAGS}")
set(CMAKE_CXX_FLAGS_INIT "${BCSC_CORTEX_M3_FLAGS} -fno-exceptions -fno-rtti")
set(CMAKE_ASM_FLAGS_INIT "${BCSC_CORTEX_M3_FLAGS}")
set(CMAKE_EXE_LINKER_FLAGS_INIT
    "-nostartfiles --specs=rdimon.specs -T${CMAKE_CURRENT_LIST_DIR}/../runtime/port/cortex-m3/link.ld")

set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
