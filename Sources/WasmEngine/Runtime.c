// What the WebAssembly engine needs from a C library, provided here so that the module imports nothing: memory
// (posix_memalign, free), memcmp, 128-bit multiplication, random bytes (arc4random_buf, which seeds Swift's
// hashing) and the stack protector's canary and failure. Compiled by scripts/build-wasm.sh for wasm32 without a C library.
//
// Memory: blocks of power-of-two sizes from 32 bytes to 2 GiB, each with a 16-byte header saying its size class;
// freed blocks go to their class's free list and are reused; new blocks are cut from the top of the heap, which
// grows the linear memory as needed. Simple, deterministic, and it never hands back memory to the host: a scenario's
// peak is what it keeps.
//
// Random bytes: a fixed SplitMix64 sequence. Nothing ReplicaLab prints depends on them (the engine is seeded and
// never orders output by hashing), so a fixed sequence only makes the module's behaviour reproducible.

typedef __SIZE_TYPE__ size_t;
typedef __UINTPTR_TYPE__ uintptr_t;
typedef unsigned long long uint64_t;

extern unsigned char __heap_base;

enum { header_size = 16, min_class = 5, max_class = 31, page_size = 65536, no_memory = 12 };

struct header {
    unsigned int size_class;
    unsigned int offset;  // from the block's start to the pointer handed out
};

static void *free_lists[max_class + 1];
static uintptr_t heap_top;

static int class_for(size_t size) {
    int size_class = min_class;
    while (size_class <= max_class && ((size_t)1 << size_class) < size) size_class++;
    return size_class;
}

static unsigned char *take(int size_class) {
    void *block = free_lists[size_class];
    if (block) {
        free_lists[size_class] = *(void **)block;
        return block;
    }
    if (heap_top == 0) heap_top = ((uintptr_t)&__heap_base + 15) & ~(uintptr_t)15;
    uintptr_t size = (uintptr_t)1 << size_class;
    uintptr_t end = heap_top + size;
    if (end < heap_top) return 0;
    uintptr_t available = (uintptr_t)__builtin_wasm_memory_size(0) * page_size;
    if (end > available) {
        uintptr_t pages = (end - available + page_size - 1) / page_size;
        if (__builtin_wasm_memory_grow(0, pages) == (size_t)-1) return 0;
    }
    unsigned char *result = (unsigned char *)heap_top;
    heap_top = end;
    return result;
}

int posix_memalign(void **out, size_t alignment, size_t size) {
    if (alignment < header_size) alignment = header_size;
    size_t needed = size + header_size + (alignment - header_size);
    if (needed < size) return no_memory;
    int size_class = class_for(needed);
    if (size_class > max_class) return no_memory;
    unsigned char *block = take(size_class);
    if (!block) return no_memory;
    uintptr_t pointer = ((uintptr_t)block + header_size + alignment - 1) & ~(uintptr_t)(alignment - 1);
    struct header *header = (struct header *)(pointer - header_size);
    header->size_class = (unsigned int)size_class;
    header->offset = (unsigned int)(pointer - (uintptr_t)block);
    *out = (void *)pointer;
    return 0;
}

void free(void *pointer) {
    if (!pointer) return;
    struct header *header = (struct header *)((unsigned char *)pointer - header_size);
    unsigned char *block = (unsigned char *)pointer - header->offset;
    *(void **)block = free_lists[header->size_class];
    free_lists[header->size_class] = block;
}

int memcmp(const void *left, const void *right, size_t count) {
    const unsigned char *a = left, *b = right;
    for (size_t index = 0; index < count; index++) {
        if (a[index] != b[index]) return a[index] < b[index] ? -1 : 1;
    }
    return 0;
}

static uint64_t random_state = 0x5265706C6963614CULL;  // "ReplicaL"

void arc4random_buf(void *buffer, size_t count) {
    unsigned char *bytes = buffer;
    for (size_t index = 0; index < count; index++) {
        if (index % 8 == 0) random_state += 0x9E3779B97F4A7C15ULL;
        uint64_t z = random_state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        z ^= z >> 31;
        bytes[index] = (unsigned char)(z >> (8 * (index % 8)));
    }
}

// 128-bit multiplication (compiler-rt's __multi3, which `multipliedFullWidth` of 64-bit integers calls), from
// 64-bit halves so that nothing here multiplies 128-bit numbers itself.
typedef unsigned __int128 uint128_t;

union words {
    uint128_t all;
    struct {
        uint64_t low, high;  // wasm32 is little-endian
    } parts;
};

static uint128_t multiply_64(uint64_t a, uint64_t b) {
    const uint64_t lower = 0xFFFFFFFFULL;
    union words result;
    result.parts.low = (a & lower) * (b & lower);
    uint64_t carry = result.parts.low >> 32;
    result.parts.low &= lower;
    carry += (a >> 32) * (b & lower);
    result.parts.low += (carry & lower) << 32;
    result.parts.high = carry >> 32;
    carry = result.parts.low >> 32;
    result.parts.low &= lower;
    carry += (b >> 32) * (a & lower);
    result.parts.low += (carry & lower) << 32;
    result.parts.high += carry >> 32;
    result.parts.high += (a >> 32) * (b >> 32);
    return result.all;
}

uint128_t __multi3(uint128_t a, uint128_t b) {
    union words x = {a}, y = {b}, result;
    result.all = multiply_64(x.parts.low, y.parts.low);
    result.parts.high += x.parts.high * y.parts.low + x.parts.low * y.parts.high;
    return result.all;
}

// The stack protector's canary and its failure (a smashed stack is a bug: stop).
uintptr_t __stack_chk_guard = 0x52654C61;

void __stack_chk_fail(void) { __builtin_trap(); }
