// use(p): an opaque call, in its own translation unit so that no build can
// see through it.
void use(const void* p) { asm volatile("" ::"r"(p) : "memory"); }
