// Build configuration shared by every runtime header.
//
// BCSC_CORTEX_M         1 when compiling for an ARMv6-M/v7-M/v8-M core.
// BCSC_HAS_THREADS      1 when the target has OS threads (host builds);
//                       selects thread_local for per-thread runtime state.
//                       Override with -DBCSC_HAS_THREADS=0/1.
#pragma once

#if defined(__ARM_ARCH_PROFILE) && (__ARM_ARCH_PROFILE == 'M')
#define BCSC_CORTEX_M 1
#else
#define BCSC_CORTEX_M 0
#endif

#ifndef BCSC_HAS_THREADS
#if BCSC_CORTEX_M || defined(__arm__) && !defined(__linux__) && !defined(__APPLE__)
#define BCSC_HAS_THREADS 0
#else
#define BCSC_HAS_THREADS 1
#endif
#endif

#if BCSC_HAS_THREADS
#define BCSC_THREAD_LOCAL thread_local
#else
#define BCSC_THREAD_LOCAL
#endif
